package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.SerialExecution;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.List;

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

    @Override
    public ExperimentPlugin create(Params params) {
        return new SerialExecution();
    }
}
