package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.run.RunCarriedOver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/**
 * A resume with nothing left to run (SPEC §7): no version is created, no hook runs; the run answers with the
 * kept units, and its hypotheses are verified over them. Called inside the submitting transaction, so the run
 * is COMPLETED as soon as it is visible.
 */
@Component
class KeptResults {

    private final ExperimentAssembler assembler;
    private final ExperimentEngine engine;
    private final RunHypothesisRepository hypotheses;
    private final RunLogStore logs;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final String node;

    KeptResults(ExperimentAssembler assembler, ExperimentEngine engine, RunHypothesisRepository hypotheses, RunLogStore logs,
                ApplicationEventPublisher events, JsonMapper json, Clock clock, ExecutionProperties props) {
        this.assembler = assembler;
        this.engine = engine;
        this.hypotheses = hypotheses;
        this.logs = logs;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.node = props.node();
    }

    /**
     * Completes {@code run} of {@code view} (the experiment the submission read), whose units are all {@code kept}
     * copies of {@code previous}'s completed units.
     */
    void complete(ExperimentView view, Run run, Run previous, List<UnitOutcome> kept) {
        run.start(node, clock.instant());
        RunLog log = logs.forRun(run.getId());
        // Plugins are created (their factories resolve params) but none is attached: no initHook, no hooks at all.
        Experiment experiment = assembler.experiment(view, run, RunLog.NONE, new CancellationToken());
        List<HypothesisOutcome> outcomes = engine.verify(experiment, kept).hypotheses();
        for (int i = 0; i < outcomes.size(); i++) {
            hypotheses.save(new RunHypothesis(run.getId(), i, outcomes.get(i).name(),
                    json.writeValueAsString(outcomes.get(i))));
        }
        events.publishEvent(new RunCarriedOver(previous.getId(), run.getId(), run.getVersion(), run.getReplicates(),
                experiment.conditions()));
        run.complete(clock.instant());
        log.info("Resume: nothing left to run; the " + kept.size() + " completed units of run " + previous.getId()
                + " are kept (version " + run.getVersion() + ", no hooks run)");
    }
}
