package io.crystallize.server.optimization.internal;

import io.crystallize.server.experiment.ExperimentDeleting;
import io.crystallize.server.problem.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Deleting an experiment deletes its optimizations and their trials first, in the same transaction; one that is
 * still evaluating trials makes it a 409 (as an active run does), so no trial writes into a deleted experiment.
 */
@Component
class OptimizationDeletion {

    private final OptimizationRepository optimizations;
    private final TrialRepository trials;

    OptimizationDeletion(OptimizationRepository optimizations, TrialRepository trials) {
        this.optimizations = optimizations;
        this.trials = trials;
    }

    @EventListener
    void on(ExperimentDeleting event) {
        List<Optimization> all = optimizations.findByExperimentId(event.experimentId());
        List<UUID> active = all.stream().filter(o -> o.getStatus() == Optimization.Status.RUNNING)
                .map(Optimization::getId).toList();
        if (!active.isEmpty()) {
            throw new ConflictException("experiment " + event.experimentId() + " has running optimizations " + active
                    + "; cancel them and delete the experiment once they have finished");
        }
        for (Optimization o : all) {
            trials.deleteAll(trials.findByOptimizationIdOrderByTrialAsc(o.getId()));
        }
        optimizations.deleteAll(all);
        optimizations.flush();
    }
}
