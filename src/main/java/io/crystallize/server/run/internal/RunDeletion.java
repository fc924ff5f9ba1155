package io.crystallize.server.run.internal;

import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDeleting;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.run.RunDeleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Deletes finished runs with everything stored for them (units, seeds, logs, hypothesis results, unit tasks,
 * and through {@link RunDeleted} their artifact records and files). A QUEUED or RUNNING run is a 409: its node
 * would go on writing. The run's row is deleted through JPA, so its {@code @Version} makes a run that changed
 * state meanwhile fail the delete instead of vanishing under its node.
 */
@Component
class RunDeletion {

    private final RunRepository runs;
    private final ExperimentService experiments;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ResultsDocument results;

    RunDeletion(RunRepository runs, ExperimentService experiments, JdbcTemplate jdbc, ApplicationEventPublisher events,
                ResultsDocument results) {
        this.runs = runs;
        this.results = results;
        this.experiments = experiments;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void delete(Run run) {
        if (!run.getStatus().isFinished()) {
            throw new ConflictException("run " + run.getId() + " is " + run.getStatus()
                    + "; cancel it (POST /api/runs/" + run.getId() + "/cancel) and delete it once it has finished");
        }
        ExperimentView experiment = experiments.get(run.getExperimentId());
        boolean lastOfVersion = runs.countNewerWithVersion(run.getExperimentId(), run.getVersion(), run.getCreatedAt()) == 0;
        events.publishEvent(new RunDeleted(run.getId(), experiment.name(), run.getVersion(), lastOfVersion,
                rootDir(experiment.definition())));
        UUID id = run.getId();
        for (String table : List.of("run_unit_batch", "run_hypothesis", "run_log", "run_unit_task")) {
            jdbc.update("delete from " + table + " where run_id = ?", id);
        }
        runs.delete(run);
        runs.flush();
        results.evict(id); // its stored document went with the run row (on delete cascade)
    }

    /** Deleting an experiment deletes its runs first, in the same transaction; an active one makes it a 409. */
    @EventListener
    void on(ExperimentDeleting event) {
        List<Run> all = runs.findByExperimentIdOrderByCreatedAtDesc(event.experimentId());
        List<UUID> active = all.stream().filter(r -> !r.getStatus().isFinished()).map(Run::getId).toList();
        if (!active.isEmpty()) {
            throw new ConflictException("experiment " + event.experimentId() + " has active runs " + active
                    + "; cancel them and delete the experiment once they have finished");
        }
        all.forEach(this::delete);
    }

    private static String rootDir(ExperimentDefinition d) {
        return d.plugins().stream().filter(p -> p.type().equals("artifacts")).findFirst()
                .map(p -> p.params().get("rootDir")).filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> !s.isBlank()).orElse(null);
    }
}
