package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.LoggingPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Added to every run that lacks it, last of the defaults. */
    @Override
    public OptionalInt defaultPosition() {
        return OptionalInt.of(2);
    }

    /** A debug run logs every step. */
    @Override
    public Optional<Map<String, Object>> forDebugRun(Map<String, Object> explicitParams) {
        Map<String, Object> params = new LinkedHashMap<>(explicitParams);
        params.put("verbose", true);
        return Optional.of(params);
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new LoggingPlugin(params.getBoolean("verbose"), params.getString("logLevel"));
    }
}
