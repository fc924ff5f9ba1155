package io.crystallize.server.run;

import io.crystallize.server.engine.spi.ExperimentPlugin;

/**
 * An operator's plugin that joins every run (e.g. a webhook notifier): register a bean of this type.
 * One instance serves all runs, so it must be thread-safe and keep no per-run state in fields.
 */
public interface GlobalPlugin extends ExperimentPlugin {
}
