package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Params;

/**
 * Creates a fresh plugin for one run from the params of its definition entry. Register an
 * implementation as a Spring bean and its {@link #type()} becomes usable in {@code plugins}.
 */
public interface PluginFactory extends Described {

    ExperimentPlugin create(Params params);
}
