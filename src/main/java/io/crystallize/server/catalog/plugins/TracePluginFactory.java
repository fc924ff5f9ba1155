package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.TracePlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class TracePluginFactory implements PluginFactory {

    @Override
    public String type() {
        return "trace";
    }

    @Override
    public String description() {
        return "Writes one run-log line per hook call: hook=<name> replicate=<n> condition=<c> step=<type>.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new TracePlugin();
    }
}
