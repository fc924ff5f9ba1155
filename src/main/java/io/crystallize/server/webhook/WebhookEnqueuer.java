package io.crystallize.server.webhook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.run.LiveRuns;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunStatusChanged;
import io.crystallize.server.run.RunView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns run status changes into deliveries: one per subscribed webhook of the run's workspace, its body
 * ({@code type}, {@code timestamp}, {@code data}: the run view) fixed then, stored and scheduled in the transaction
 * that stores the change.
 */
@Component
class WebhookEnqueuer {

    private final WebhookStore store;
    private final LiveRuns runs;
    private final ExperimentService experiments;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEnqueuer(WebhookStore store, LiveRuns runs, ExperimentService experiments, SchedulerClient scheduler,
                    JsonMapper json, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.experiments = experiments;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    /** Joins the status change's transaction: the deliveries are stored (and scheduled) only if it commits. */
    @EventListener
    void on(RunStatusChanged change) {
        String type = type(change);
        if (type == null) {
            return;
        }
        List<WebhookStore.Target> subscribed = store.all().stream().filter(w -> w.events().contains(type)).toList();
        if (subscribed.isEmpty()) {
            return; // the common case costs one query, as before webhooks had workspaces
        }
        RunView run = runs.get(change.runId());
        UUID workspace = experiments.workspaceOf(run.experimentId()).orElse(null);
        List<WebhookStore.Target> targets = subscribed.stream().filter(w -> w.workspace().equals(workspace)).toList();
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", now);
        body.put("data", run);
        String payload = json.writeValueAsString(body);
        for (WebhookStore.Target target : targets) {
            UUID id = UUID.randomUUID();
            store.insertDelivery(id, target.id(), type, change.runId(), payload, now);
            scheduler.schedule(WebhookDeliveries.TASK.instance(id.toString()).data(id.toString()).scheduledTo(now));
        }
    }

    private static String type(RunStatusChanged change) {
        return switch (change.to()) {
            case RUNNING -> change.from() == RunStatus.QUEUED ? "run.started" : null;
            case COMPLETED -> "run.completed";
            case FAILED -> "run.failed";
            case CANCELLED -> "run.cancelled";
            case QUEUED -> null;
        };
    }

}
