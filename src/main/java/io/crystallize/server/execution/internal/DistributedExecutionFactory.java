package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.run.UnitHandOff;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class DistributedExecutionFactory implements PluginFactory {

    private final UnitHandOff tasks;

    DistributedExecutionFactory(UnitHandOff tasks) {
        this.tasks = tasks;
    }

    @Override
    public String type() {
        return "distributed";
    }

    @Override
    public String description() {
        return "Spreads the units over every node sharing the database: groups of about unitsPerTask units "
                + "(whole replicates) become db-scheduler tasks; the last to finish schedules the run's completion.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("unitsPerTask", "integer", 50,
                "units per task; big enough that a task is tens of milliseconds of work").withIntRange(1, Integer.MAX_VALUE));
    }

    /** A debug run is serial: the strategy stays out of it. */
    @Override
    public Optional<Map<String, Object>> forDebugRun(Map<String, Object> explicitParams) {
        return Optional.empty();
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new DistributedExecution(params.getInt("unitsPerTask"), tasks);
    }
}
