package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The engine's experiment for a stored run: its definition, conditions, log and cancellation token. */
@Component
class RunAssembly {


    private final ExperimentService experiments;
    private final ExperimentAssembler assembler;
    private final JsonMapper json;

    RunAssembly(ExperimentService experiments, ExperimentAssembler assembler, JsonMapper json) {
        this.experiments = experiments;
        this.assembler = assembler;
        this.json = json;
    }

    Experiment experiment(Run run, RunLog log, CancellationToken token) {
        return assembler.assemble(experiments.get(run.getExperimentId()), run,
                RunConditions.of(run, json), log, token);
    }
}
