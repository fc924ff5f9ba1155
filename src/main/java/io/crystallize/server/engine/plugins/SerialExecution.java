package io.crystallize.server.engine.plugins;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** Units one after another in the run's thread. */
public final class SerialExecution implements ExperimentPlugin {

    @Override
    public Optional<List<ReplicateResult>> runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        return Optional.of(ExperimentEngine.serial(experiment.replicates(), replicateFn));
    }
}
