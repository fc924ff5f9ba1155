package io.crystallize.server.run.internal;

import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentReferenceHashMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every endpoint under {@code /api/runs/{runId}} (results, CSV, units, seeds, logs, artifacts, and any added later)
 * is checked against the workspace of the run's experiment. A run never changes experiment, nor an experiment
 * workspace, so the answer is kept (softly referenced: the garbage collector may drop entries under memory pressure)
 * and a poll of a run's status costs no lookup after the first; a deleted run still answers 404 from its handler.
 */
@Component
class RunWorkspaces implements WorkspaceLookup {

    private final RunRepository runs;
    private final ExperimentService experiments;
    private final Map<UUID, UUID> known = new ConcurrentReferenceHashMap<>();

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

    /** No transaction of its own: a known run costs a map lookup; an unknown one two queries, each in its own. */
    @Override
    public Optional<UUID> workspaceOf(UUID id) {
        UUID workspace = known.get(id);
        if (workspace != null) {
            return Optional.of(workspace);
        }
        Optional<UUID> found = runs.findExperimentId(id).flatMap(experiments::workspaceOf);
        found.ifPresent(w -> known.put(id, w));
        return found;
    }
}
