package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.spi.ExecutionStrategy;
import io.crystallize.server.engine.spi.LoopOutcome;

import java.util.function.IntFunction;

/** Units one after another in the run's thread. */
final class SerialExecution implements ExecutionStrategy {

    @Override
    public LoopOutcome runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        return LoopOutcome.completed(ExperimentEngine.serial(experiment.replicates(), replicateFn));
    }
}
