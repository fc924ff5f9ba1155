package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.RunDeferredException;
import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.UUID;
import java.util.function.Function;

/**
 * Executes the db-scheduler tasks of a run on this node: the run itself, the unit groups of a distributed
 * run, and a distributed run's completion. Idempotent: a finished run is left alone, and a task executed
 * again after its node died keeps the stored units and runs only the rest. Each status change is its own
 * short transaction; nothing holds a transaction while units execute.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

    private final RunRepository runs;
    private final UnitStore units;
    private final UnitTasks unitTasks;
    private final RunLogStore logs;
    private final CancellationRegistry cancellations;
    private final RunAssembly assembly;
    private final RunCompletion completion;
    private final ExperimentEngine engine;
    private final TransactionTemplate tx;
    private final String node;
    private final UpstreamRelease upstream;

    RunExecutor(RunRepository runs, UnitStore units, UnitTasks unitTasks, RunLogStore logs,
                CancellationRegistry cancellations, RunAssembly assembly, RunCompletion completion,
                ExperimentEngine engine, TransactionTemplate tx, ExecutionProperties props, UpstreamRelease upstream) {
        this.upstream = upstream;
        this.runs = runs;
        this.units = units;
        this.unitTasks = unitTasks;
        this.logs = logs;
        this.cancellations = cancellations;
        this.assembly = assembly;
        this.completion = completion;
        this.engine = engine;
        this.tx = tx;
        this.node = props.node();
    }

    /** The run's task: the whole lifecycle here, or up to handing the units out when distributed. */
    void execute(UUID runId) {
        Run run = OnConflict.retry(() -> tx.execute(s -> completion.start(runId, node)));
        try {
            java.util.Optional<String> blocked = run == null ? java.util.Optional.empty() : upstream.failedUpstream(run);
            if (blocked.isPresent()) {
                logs.forRun(runId).log(RunLog.Level.ERROR, "Run failed: " + blocked.get());
                completion.update(runId, r -> r.fail(blocked.get(), completion.now()));
            } else if (run != null) {
                guarded(run, experiment -> {
                    RunResult result = engine.run(experiment, units.load(runId), units.listener(runId, node));
                    completion.completed(runId, result);
                    return null;
                });
            }
        } finally {
            upstream.released(runId);
        }
    }

    /** A unit group of a distributed run: its replicates, with the per-unit hooks running here. */
    void executeUnits(UUID runId, int index) {
        Run run = runs.findById(runId).orElse(null);
        if (run != null && !run.getStatus().isFinished() && !run.isCancelRequested()) {
            UnitTasks.Group group = unitTasks.group(runId, index);
            guarded(run, experiment -> {
                engine.attach(experiment);
                engine.runReplicates(experiment, group.replicates(), units.load(runId), units.listener(runId, node));
                return null;
            });
        }
        unitTasks.finished(runId, index);
    }

    /** A distributed run's completion, once its last unit group has finished. */
    void complete(UUID runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.getStatus().isFinished()) {
            return;
        }
        if (run.isCancelRequested()) {
            completion.update(runId, r -> r.cancel(completion.now()));
            return;
        }
        guarded(run, experiment -> {
            completion.completed(runId, engine.complete(experiment, new ArrayList<>(units.load(runId).values())));
            return null;
        });
        upstream.released(runId);
    }

    /** Runs {@code work} with the run's experiment and maps how it ends onto the run's status. */
    private void guarded(Run run, Function<Experiment, Void> work) {
        UUID runId = run.getId();
        CancellationToken token = cancellations.register(runId);
        RunLog runLog = logs.forRun(runId);
        try {
            work.apply(assembly.experiment(run, runLog, token));
        } catch (RunDeferredException e) {
            log.debug("run {}: {}", runId, e.getMessage());
        } catch (RunCancelledException e) {
            runLog.warn("Run cancelled; completed units are kept");
            completion.update(runId, r -> r.cancel(completion.now()));
        } catch (RunInterruptedException e) {
            runLog.warn("Run interrupted on node " + node + "; it resumes where it stopped");
            throw e;
        } catch (RuntimeException e) {
            log.warn("run {} failed", runId, e);
            String cause = e.getMessage() + (e.getCause() == null ? "" : " (caused by " + e.getCause() + ")");
            runLog.log(RunLog.Level.ERROR, "Run failed: " + cause);
            completion.update(runId, r -> r.fail(cause, completion.now()));
        } finally {
            cancellations.unregister(runId);
        }
    }
}
