package io.crystallize.server.run.internal;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.RunDeferredException;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Units across every node (SPEC §4): the replicates become db-scheduler tasks, scheduled in one
 * transaction, that any node executes with the per-unit hooks running where the unit runs; the node that
 * finishes the last task schedules the run's completion (hypotheses, {@code afterRun}) exactly once.
 */
final class DistributedExecution implements ExperimentPlugin {

    private final int unitsPerTask;
    private final UnitTasks tasks;

    DistributedExecution(int unitsPerTask, UnitTasks tasks) {
        this.unitsPerTask = unitsPerTask;
        this.tasks = tasks;
    }

    @Override
    public Optional<List<ReplicateResult>> runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        int scheduled = tasks.schedule(UUID.fromString(experiment.runId()), experiment.replicates(),
                experiment.conditions().size(), unitsPerTask);
        experiment.log().info("Units handed to " + scheduled + " tasks of about " + unitsPerTask
                + " units each; any node may execute them");
        throw new RunDeferredException("units handed to " + scheduled + " tasks");
    }
}
