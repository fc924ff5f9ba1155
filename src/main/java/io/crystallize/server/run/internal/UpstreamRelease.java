package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.crystallize.server.run.RunStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts the runs of an experiment graph in order: a run that waits for upstream runs is stored QUEUED without
 * being scheduled, and is scheduled once the last of them has finished. It then fails at once when one of them
 * did not complete, since its input is not there.
 */
@Component
class UpstreamRelease {

    private final RunRepository runs;
    /** Looked up when needed: db-scheduler's scheduler is built from the tasks, which need this component. */
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    UpstreamRelease(RunRepository runs, ObjectProvider<SchedulerClient> scheduler, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    List<UUID> upstreamOf(Run run) {
        return run.getUpstreamRunsJson() == null ? List.of() : List.of(json.readValue(run.getUpstreamRunsJson(), UUID[].class));
    }

    /** Schedules the runs that waited for {@code finished} and now have every upstream run finished. */
    void released(UUID finished) {
        tx.executeWithoutResult(s -> {
            for (Run waiting : runs.findWaitingOn(RunStatus.QUEUED, "%" + finished + "%")) {
                boolean ready = upstreamOf(waiting).stream()
                        .allMatch(id -> runs.findById(id).map(r -> r.getStatus().isFinished()).orElse(true));
                if (ready) {
                    schedule(waiting.getId());
                }
            }
        });
    }

    void schedule(UUID runId) {
        scheduler.getObject().scheduleIfNotExists(RunTasks.RUN.instance(runId.toString()).data(runId.toString())
                .scheduledTo(clock.instant()));
    }

    /** Why {@code run} cannot start: an upstream run that ended otherwise than COMPLETED. */
    Optional<String> failedUpstream(Run run) {
        for (UUID id : upstreamOf(run)) {
            Optional<Run> up = runs.findById(id);
            if (up.isEmpty() || up.get().getStatus() != RunStatus.COMPLETED) {
                return Optional.of("upstream run " + id + " ended " + up.map(r -> r.getStatus().name()).orElse("deleted")
                        + ", so the artifacts this run reads are not there");
            }
        }
        return Optional.empty();
    }
}
