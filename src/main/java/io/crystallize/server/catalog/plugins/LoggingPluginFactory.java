package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.LoggingPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class LoggingPluginFactory implements PluginFactory {

    @Override
    public String type() {
        return "logging";
    }

    @Override
    public String description() {
        return "Logs the run's start, (verbose) each finished step and the run's end to the server log and the run's log.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("verbose", "boolean", false, "one line per finished step"),
                ParamSpec.optional("logLevel", "string", "INFO", "lowest level written")
                        .withAllowed("DEBUG", "INFO", "WARN", "WARNING", "ERROR"));
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new LoggingPlugin(params.getBoolean("verbose"), params.getString("logLevel"));
    }
}
