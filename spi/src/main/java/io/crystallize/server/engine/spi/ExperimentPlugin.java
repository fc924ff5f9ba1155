package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The plugin lifecycle of SPEC §2, with crystallize's hook names. Every hook has a no-op default.
 * A plugin instance belongs to one run; per-unit hooks may be called from several threads at once.
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

    /**
     * The execution strategy: run {@code replicateFn} for every replicate of {@code experiment.replicates()}
     * and return the results in any order. An empty Optional declines (crystallize's NotImplemented);
     * the last plugin that does not decline is used, and serial is the default.
     */
    default Optional<List<ReplicateResult>> runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        return Optional.empty();
    }
}
