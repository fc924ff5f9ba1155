package io.crystallize.server.experiment.internal;

import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every endpoint under {@code /api/experiments/{id}} is checked against the experiment's workspace. */
@Component
class ExperimentWorkspaces implements WorkspaceLookup {

    private final ExperimentService experiments;

    ExperimentWorkspaces(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Override
    public String resource() {
        return "experiment";
    }

    @Override
    public List<String> anchors() {
        return List.of("/api/experiments/{id}", "/api/experiments/{experimentId}");
    }

    @Override
    public Optional<UUID> workspaceOf(UUID id) {
        return experiments.workspaceOf(id);
    }
}
