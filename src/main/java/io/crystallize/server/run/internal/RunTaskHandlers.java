package io.crystallize.server.run.internal;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.UnitOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes the db-scheduler tasks of a run on this node: the run itself, the unit groups of a distributed
 * run, and a distributed run's completion. Idempotent: a finished run is left alone, and a task executed
 * again after its node died keeps the stored units and runs only the rest. Each status change is its own
 * short transaction; nothing holds a transaction while units execute. Each task reads the run's definition once
 * (in {@code guarded}), and uses the conditions of the run it loaded first throughout.
 */
@Component
class RunTaskHandlers {

    private static final Logger log = LoggerFactory.getLogger(RunTaskHandlers.class);

    private final RunRepository runs;
    private final UnitStore units;
    private final UnitGroups groups;
    private final RunLogStore logs;
    private final CancellationRegistry cancellations;
    private final ExperimentAssembler assembler;
    private final RunTransitions transitions;
    private final ExperimentEngine engine;
    private final TransactionTemplate tx;
    private final ResultsDocument results;
    private final String node;
    private final java.time.Duration runTimeout;
    private final UpstreamRelease upstream;

    RunTaskHandlers(RunRepository runs, UnitStore units, UnitGroups groups, RunLogStore logs,
                CancellationRegistry cancellations, ExperimentAssembler assembler, RunTransitions transitions,
                ExperimentEngine engine, TransactionTemplate tx, ResultsDocument results,
                ExecutionProperties props, ResourceLimits limits, UpstreamRelease upstream) {
        this.runTimeout = limits.runTimeout();
        this.upstream = upstream;
        this.runs = runs;
        this.units = units;
        this.groups = groups;
        this.logs = logs;
        this.cancellations = cancellations;
        this.assembler = assembler;
        this.transitions = transitions;
        this.engine = engine;
        this.tx = tx;
        this.results = results;
        this.node = props.node();
    }

    /**
     * The most units whose results document is built from the outcomes the engine finished with; a larger run's
     * is built from the database, so its outcomes (about 400 bytes a unit) are not held beside the build.
     */
    static final int IN_MEMORY_RESULTS = 200_000;

    /**
     * The run's task: the whole lifecycle here, or up to handing the units out when distributed. False when the run
     * must wait for another non-versioned run of its experiment (the task is then rescheduled).
     */
    boolean execute(UUID runId) {
        Run run;
        try {
            run = OnConflict.retry(() -> tx.execute(s -> transitions.start(runId, node)));
        } catch (RunTransitions.WaitForTurn e) {
            return false;
        }
        try {
            Optional<String> blocked = run == null ? Optional.empty() : upstream.failedUpstream(run);
            if (blocked.isPresent()) {
                // An experiment graph's upstream run did not complete: the artifacts this run reads are not there.
                logs.forRun(runId).log(RunLog.Level.ERROR, "Run failed: " + blocked.get());
                transitions.update(runId, r -> r.fail(blocked.get(), transitions.now()));
            } else if (run != null) {
                AtomicReference<List<UnitOutcome>> stored = new AtomicReference<>();
                guarded(run, (experiment, writer) -> {
                    // Empty when the units were handed off: the node that finishes the last group completes the run.
                    Optional<RunResult> result = engine.run(experiment, units.load(runId), writer);
                    writer.flush();
                    result.ifPresent(r -> {
                        transitions.completed(runId, r);
                        // The units it started with were read, the others inserted here. A large run's document
                        // is read back from the database instead, so the heap can let the run's outcomes go first.
                        if (writer.insertedAll() && r.units().size() <= IN_MEMORY_RESULTS) {
                            stored.set(r.units());
                        }
                    });
                });
                prepareResults(runId, run.getConditions(), stored.get());
            }
        } finally {
            upstream.released(runId);
        }
        return true;
    }

    /** A unit group of a distributed run: its replicates, with the per-unit hooks running here. */
    void executeUnits(UUID runId, int index) {
        Run run = runs.findById(runId).orElse(null);
        if (run != null && !run.getStatus().isFinished() && !run.isCancelRequested()) {
            UnitGroups.Group group = groups.group(runId, index);
            guarded(run, (experiment, writer) -> {
                engine.attach(experiment);
                engine.runReplicates(experiment, group.replicates(), units.load(runId), writer);
                writer.flush();
            });
        }
        groups.finished(runId, index);
    }

    /** A distributed run's completion, once its last unit group has finished. */
    void complete(UUID runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.getStatus().isFinished()) {
            return;
        }
        if (run.isCancelRequested()) {
            transitions.update(runId, r -> r.cancel(transitions.now()));
            return;
        }
        AtomicReference<List<UnitOutcome>> stored = new AtomicReference<>();
        guarded(run, (experiment, writer) -> {
            RunResult result = engine.complete(experiment, new ArrayList<>(units.load(runId).values()));
            transitions.completed(runId, result);
            if (result.units().size() <= IN_MEMORY_RESULTS) {
                stored.set(result.units()); // all read from the database
            }
        });
        prepareResults(runId, run.getConditions(), stored.get());
        upstream.released(runId);
    }

    /**
     * A finished run's results document is built once, now, rather than by its first reader: from {@code stored},
     * the run's stored units as the engine finished with them, when known (null: read from the database).
     */
    private void prepareResults(UUID runId, List<String> conditions, List<UnitOutcome> stored) {
        try {
            runs.findById(runId).filter(r -> r.getStatus().isFinished())
                    .ifPresent(r -> results.prepare(r, conditions, stored));
        } catch (RuntimeException e) {
            log.warn("run {}: results not prepared, the first read builds them ({})", runId, e.toString());
        }
    }

    /** The work of a task on the run's experiment, with the writer of its units on this node. */
    private interface Work {
        void run(Experiment experiment, UnitWriter writer);
    }

    /**
     * Runs {@code work} with the run's experiment and maps how it ends onto the run's status. Whatever the end,
     * the units that ended are stored first (SPEC §4): a cancelled run keeps them, a run handed back resumes
     * after them.
     */
    private void guarded(Run run, Work work) {
        UUID runId = run.getId();
        CancellationToken token = cancellations.register(runId);
        if (run.getStartedAt() != null && runTimeout != null) {
            token.failRunAt(run.getStartedAt().plus(runTimeout), "crystallize.limits.run-timeout " + runTimeout);
        }
        RunLog runLog = logs.forRun(runId);
        UnitWriter writer = units.writer(runId, node);
        try {
            work.run(assembler.experiment(run, runLog, token), writer);
        } catch (RunCancelledException e) {
            writer.flush();
            runLog.warn("Run cancelled; completed units are kept");
            transitions.update(runId, r -> r.cancel(transitions.now()));
        } catch (RunInterruptedException e) {
            flushQuietly(runId, writer);
            runLog.warn("Run interrupted on node " + node + "; it resumes where it stopped");
            throw e;
        } catch (RuntimeException e) {
            flushQuietly(runId, writer);
            log.warn("run {} failed", runId, e);
            String cause = e.getMessage() + (e.getCause() == null ? "" : " (caused by " + e.getCause() + ")");
            runLog.log(RunLog.Level.ERROR, "Run failed: " + cause);
            transitions.update(runId, r -> r.fail(cause, transitions.now()));
        } finally {
            cancellations.unregister(runId);
            closeQuietly(runId, writer);
        }
    }

    /** A run that ends anyway keeps what can be stored; a writer that failed lost only what runs again. */
    private static void flushQuietly(UUID runId, UnitWriter writer) {
        try {
            writer.flush();
        } catch (RuntimeException e) {
            log.warn("run {}: units not stored; they run again when the run resumes ({})", runId, e.toString());
        }
    }

    private static void closeQuietly(UUID runId, UnitWriter writer) {
        try {
            writer.close();
        } catch (RuntimeException e) {
            log.debug("run {}: unit writer closed after a failure ({})", runId, e.toString());
        }
    }
}
