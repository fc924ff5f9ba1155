package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class SerialExecutionFactory implements PluginFactory {

    @Override
    public String type() {
        return "serial";
    }

    @Override
    public String description() {
        return "Runs the units one after another in the run's thread (the default).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    /** A debug run is serial: the strategy stays out of it. */
    @Override
    public Optional<Map<String, Object>> forDebugRun(Map<String, Object> explicitParams) {
        return Optional.empty();
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new SerialExecution();
    }
}
