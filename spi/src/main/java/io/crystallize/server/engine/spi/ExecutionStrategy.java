package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ReplicateResult;

import java.util.function.IntFunction;

/**
 * A plugin that provides the execution strategy of SPEC §2 ({@code runExperimentLoop}): serial, a thread pool,
 * several nodes. Of a run's plugins, the last strategy that does not decline runs the loop; serial is the
 * default. A plugin that is no strategy simply does not implement this interface.
 */
public interface ExecutionStrategy extends ExperimentPlugin {

    /**
     * Runs {@code replicateFn} for every replicate {@code 0 … experiment.replicates() − 1}, or hands the units to
     * other nodes, or declines.
     */
    LoopOutcome runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn);
}
