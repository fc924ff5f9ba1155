package io.crystallize.server.run;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Executes one run on this node (called by the db-scheduler task). Idempotent: a finished run is left
 * alone, and a run picked up again after its node died keeps its stored units and runs only the rest.
 * Each status change is its own short transaction; nothing holds a transaction while units execute.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final RunRepository runs;
    private final RunHypothesisRepository hypotheses;
    private final UnitStore units;
    private final RunLogStore logs;
    private final CancellationRegistry cancellations;
    private final ExperimentAssembler assembler;
    private final ExperimentEngine engine;
    private final ExperimentService experiments;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final String node;

    RunExecutor(RunRepository runs, RunHypothesisRepository hypotheses, UnitStore units, RunLogStore logs,
                CancellationRegistry cancellations, ExperimentAssembler assembler, ExperimentEngine engine,
                ExperimentService experiments, TransactionTemplate tx, JsonMapper json, Clock clock,
                ExecutionProperties props) {
        this.runs = runs;
        this.hypotheses = hypotheses;
        this.units = units;
        this.logs = logs;
        this.cancellations = cancellations;
        this.assembler = assembler;
        this.engine = engine;
        this.experiments = experiments;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.node = props.node();
    }

    void execute(UUID runId) {
        Run run = OnConflict.retry(() -> tx.execute(s -> start(runId)));
        if (run == null) {
            return;
        }
        CancellationToken token = cancellations.register(runId);
        RunLog runLog = logs.forRun(runId);
        try {
            ExperimentView view = experiments.get(run.getExperimentId());
            List<String> conditions = json.readValue(run.getConditionsJson(), STRINGS);
            Experiment experiment = assembler.assemble(view, run, conditions, runLog, token);
            RunResult result = engine.run(experiment, units.load(runId), units.listener(runId, node));
            update(runId, r -> {
                hypotheses.deleteByRunId(runId);
                List<HypothesisOutcome> outcomes = result.hypotheses();
                for (int i = 0; i < outcomes.size(); i++) {
                    hypotheses.save(new RunHypothesis(runId, i, outcomes.get(i).name(),
                            json.writeValueAsString(outcomes.get(i))));
                }
                r.complete(clock.instant());
            });
        } catch (RunCancelledException e) {
            runLog.warn("Run cancelled; completed units are kept");
            update(runId, r -> r.cancel(clock.instant()));
        } catch (RunInterruptedException e) {
            runLog.warn("Run interrupted on node " + node + "; it resumes where it stopped");
            throw e;
        } catch (RuntimeException e) {
            log.warn("run {} failed", runId, e);
            String cause = e.getMessage() + (e.getCause() == null ? "" : " (caused by " + e.getCause() + ")");
            runLog.log(RunLog.Level.ERROR, "Run failed: " + cause);
            update(runId, r -> r.fail(cause, clock.instant()));
        } finally {
            cancellations.unregister(runId);
        }
    }

    /** Marks the run RUNNING on this node, or returns null when there is nothing to do. */
    private Run start(UUID runId) {
        Run run = runs.findById(runId).orElse(null);
        if (run == null || run.getStatus().isFinished()) {
            return null;
        }
        if (run.isCancelRequested()) {
            run.cancel(clock.instant());
            runs.saveAndFlush(run);
            return null;
        }
        run.start(node, clock.instant());
        return runs.saveAndFlush(run);
    }

    private void update(UUID runId, Consumer<Run> change) {
        OnConflict.retry(() -> tx.execute(s -> {
            Run run = runs.findById(runId).orElseThrow();
            if (!run.getStatus().isFinished()) {
                change.accept(run);
                runs.saveAndFlush(run);
            }
            return run;
        }));
    }
}
