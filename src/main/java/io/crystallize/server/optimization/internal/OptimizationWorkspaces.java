package io.crystallize.server.optimization.internal;

import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.experiment.ExperimentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every endpoint under {@code /api/optimizations/{id}} (read, cancel, ask, tell) is checked against the workspace of
 * the optimization's experiment, as the experiment's own endpoints are.
 */
@Component
class OptimizationWorkspaces implements WorkspaceLookup {

    private final OptimizationRepository optimizations;
    private final ExperimentService experiments;

    OptimizationWorkspaces(OptimizationRepository optimizations, ExperimentService experiments) {
        this.optimizations = optimizations;
        this.experiments = experiments;
    }

    @Override
    public String resource() {
        return "optimization";
    }

    @Override
    public List<String> anchors() {
        return List.of("/api/optimizations/{id}");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> workspaceOf(UUID id) {
        return optimizations.findById(id).map(Optimization::getExperimentId).flatMap(experiments::workspaceOf);
    }
}
