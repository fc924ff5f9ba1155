package io.crystallize.server.run.internal;

import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every endpoint under {@code /api/runs/{runId}} (results, CSV, units, seeds, logs, artifacts, and any added later)
 * is checked against the workspace of the run's experiment.
 */
@Component
class RunWorkspaces implements WorkspaceLookup {

    private final RunRepository runs;
    private final ExperimentService experiments;

    RunWorkspaces(RunRepository runs, ExperimentService experiments) {
        this.runs = runs;
        this.experiments = experiments;
    }

    @Override
    public String resource() {
        return "run";
    }

    @Override
    public List<String> anchors() {
        return List.of("/api/runs/{runId}", "/api/runs/{id}");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> workspaceOf(UUID id) {
        return runs.findExperimentId(id).flatMap(experiments::workspaceOf);
    }
}
