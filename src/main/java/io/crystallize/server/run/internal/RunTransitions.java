package io.crystallize.server.run.internal;

import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.RunResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The short transactions that move a run between its states while it executes: its start (QUEUED → RUNNING, or a
 * wait for its turn), its completion with the verified hypotheses, and any other change of an unfinished run.
 */
@Component
class RunTransitions {

    private final RunRepository runs;
    private final io.crystallize.server.experiment.ExperimentService experiments;
    private final RunHypothesisRepository hypotheses;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    RunTransitions(RunRepository runs, RunHypothesisRepository hypotheses, TransactionTemplate tx, JsonMapper json,
                  Clock clock, io.crystallize.server.experiment.ExperimentService experiments) {
        this.runs = runs;
        this.experiments = experiments;
        this.hypotheses = hypotheses;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Marks the run RUNNING on {@code node} (call inside a transaction), or returns null: nothing to do. */
    Run start(UUID runId, String node) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.getStatus().isFinished()) {
            return null;
        }
        if (run.sharesVersionFolder() && run.getStatus() == io.crystallize.server.run.RunStatus.QUEUED) {
            // Non-versioned runs of one experiment all write v0: they take turns, decided under the experiment's lock.
            experiments.lock(run.getExperimentId());
            if (runs.otherUnversionedRunning(run.getExperimentId(), runId)) {
                throw new WaitForTurn();
            }
        }
        if (run.isCancelRequested()) {
            run.cancel(now());
            runs.saveAndFlush(run);
            return null;
        }
        run.start(node, now());
        return runs.saveAndFlush(run);
    }

    /** Stores the verified hypotheses and marks the run COMPLETED. */
    void completed(UUID runId, RunResult result) {
        update(runId, r -> {
            hypotheses.deleteByRunId(runId);
            List<HypothesisOutcome> outcomes = result.hypotheses();
            for (int i = 0; i < outcomes.size(); i++) {
                hypotheses.save(new RunHypothesis(runId, i, outcomes.get(i).name(), json.writeValueAsString(outcomes.get(i))));
            }
            r.complete(now());
        });
    }

    /** Applies a change to a run that has not finished, in its own transaction, retried on a lost race. */
    void update(UUID runId, Consumer<Run> change) {
        OnConflict.retry(() -> tx.execute(s -> {
            Run run = runs.findById(runId).orElseThrow();
            if (!run.getStatus().isFinished()) {
                change.accept(run);
                runs.saveAndFlush(run);
            }
            return run;
        }));
    }

    /** Another non-versioned run of the experiment is executing: this one starts once it has finished. */
    static final class WaitForTurn extends RuntimeException {
        WaitForTurn() {
            super("another non-versioned run of the experiment is executing", null, false, false);
        }
    }
}
