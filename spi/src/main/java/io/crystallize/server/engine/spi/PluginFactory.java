package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Params;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Creates a fresh plugin for one run from the params of its definition entry. Register an
 * implementation as a Spring bean and its {@link #type()} becomes usable in {@code plugins}.
 * <p>
 * The factory also owns the plugin's decisions about a run: whether the plugin joins every run
 * ({@link #defaultPosition()}), how it changes for a debug run ({@link #forDebugRun}), and what it decides before
 * the run starts ({@link #prepare}).
 */
public interface PluginFactory extends Described {

    ExperimentPlugin create(Params params);

    /**
     * Before the run is stored, with the params {@link #create} will get: record what the plugin decides for the
     * run (a base seed, an artifact version). Nothing by default.
     */
    default void prepare(Params params, RunPreparation run) {
    }

    /**
     * When present, the plugin is one of SPEC §2's defaults: added to a run that does not list it, after the
     * declared plugins, in the order of these positions. Empty (the default): added only when declared.
     */
    default OptionalInt defaultPosition() {
        return OptionalInt.empty();
    }

    /**
     * The plugin's explicit params in a debug run (one replicate, verbose, serial), or empty to leave the plugin
     * out of it. Unchanged by default.
     */
    default Optional<Map<String, Object>> forDebugRun(Map<String, Object> explicitParams) {
        return Optional.of(explicitParams);
    }
}
