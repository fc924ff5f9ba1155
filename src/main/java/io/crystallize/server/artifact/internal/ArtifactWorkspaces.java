package io.crystallize.server.artifact.internal;

import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Downloads ({@code /api/artifacts/{artifactId}/content}) are checked against the workspace of the artifact's experiment. */
@Component
class ArtifactWorkspaces implements WorkspaceLookup {

    private final ArtifactRepository artifacts;
    private final ExperimentService experiments;

    ArtifactWorkspaces(ArtifactRepository artifacts, ExperimentService experiments) {
        this.artifacts = artifacts;
        this.experiments = experiments;
    }

    @Override
    public String resource() {
        return "artifact";
    }

    @Override
    public List<String> anchors() {
        return List.of("/api/artifacts/{artifactId}");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> workspaceOf(UUID id) {
        return artifacts.findExperimentId(id).flatMap(experiments::workspaceOf);
    }
}
