package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;

/**
 * The plugin lifecycle of SPEC §2, with crystallize's hook names. Every hook has a no-op default.
 * A plugin instance belongs to one run; per-unit hooks may be called from several threads at once. A plugin that
 * provides the execution strategy ({@code runExperimentLoop}) implements {@link ExecutionStrategy}.
 */
public interface ExperimentPlugin {

    /** When the plugin is attached to the experiment for a run (also when a recovered run starts again). */
    default void initHook(Experiment experiment) {
    }

    /** Once, before any unit. Throwing fails the run. */
    default void beforeRun(Experiment experiment) {
    }

    /** Per unit, after the treatment was applied and before the datasource fetch. */
    default void beforeReplicate(Experiment experiment, FrozenContext ctx) {
    }

    default void beforeStep(Experiment experiment, StepInvocation step, FrozenContext ctx) {
    }

    default void afterStep(Experiment experiment, StepInvocation step, Object data, FrozenContext ctx) {
    }

    /** Once, after all units, with the aggregated result. Throwing fails the run. */
    default void afterRun(Experiment experiment, RunResult result) {
    }

    /** How errors and the slow-hook log name this plugin. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }
}
