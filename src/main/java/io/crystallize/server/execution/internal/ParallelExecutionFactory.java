package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

@Component
class ParallelExecutionFactory implements PluginFactory {

    private final Executor unitExecutor;

    ParallelExecutionFactory(@Qualifier("unitExecutor") Executor unitExecutor) {
        this.unitExecutor = unitExecutor;
    }

    @Override
    public String type() {
        return "parallel";
    }

    @Override
    public String description() {
        return "Runs replicates on the node's managed, bounded pool, at most maxWorkers at once for this run.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("maxWorkers", "integer", 4, "replicates of this run at once").withIntRange(1, 1024));
    }

    /** A debug run is serial: the strategy stays out of it. */
    @Override
    public Optional<Map<String, Object>> forDebugRun(Map<String, Object> explicitParams) {
        return Optional.empty();
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new ParallelExecution(params.getInt("maxWorkers"), unitExecutor);
    }
}
