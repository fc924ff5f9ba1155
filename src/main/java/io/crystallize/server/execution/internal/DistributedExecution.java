package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.spi.ExecutionStrategy;
import io.crystallize.server.engine.spi.LoopOutcome;
import io.crystallize.server.run.UnitHandOff;

import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Units across every node (SPEC §4): the replicates become db-scheduler tasks, scheduled in one
 * transaction, that any node executes with the per-unit hooks running where the unit runs; the node that
 * finishes the last task schedules the run's completion (hypotheses, {@code afterRun}) exactly once.
 */
final class DistributedExecution implements ExecutionStrategy {

    private final int unitsPerTask;
    private final UnitHandOff tasks;

    DistributedExecution(int unitsPerTask, UnitHandOff tasks) {
        this.unitsPerTask = unitsPerTask;
        this.tasks = tasks;
    }

    @Override
    public LoopOutcome runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        int scheduled = tasks.handOff(UUID.fromString(experiment.runId()), experiment.replicates(),
                experiment.conditions().size(), unitsPerTask);
        experiment.log().info("Units handed to " + scheduled + " tasks of about " + unitsPerTask
                + " units each; any node may execute them");
        return LoopOutcome.handedOff(scheduled + " tasks");
    }
}
