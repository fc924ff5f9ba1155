package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CancellationToken;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellation tokens of the runs executing on this node (a run's coordinator and any of its unit
 * tasks share one). A cancel request is stored on the run; this registry polls for it, so a cancel
 * reaches the run's units on every node, whichever node received the request.
 */
@Component
class CancellationRegistry {

    private record Entry(CancellationToken token, int users) {
    }

    private final Map<UUID, Entry> running = new ConcurrentHashMap<>();
    private final RunRepository runs;

    CancellationRegistry(RunRepository runs) {
        this.runs = runs;
    }

    CancellationToken register(UUID runId) {
        return running.compute(runId, (id, e) -> e == null ? new Entry(new CancellationToken(), 1)
                : new Entry(e.token(), e.users() + 1)).token();
    }

    void unregister(UUID runId) {
        running.computeIfPresent(runId, (id, e) -> e.users() <= 1 ? null : new Entry(e.token(), e.users() - 1));
    }

    /** Cancels at once when the run executes here; otherwise the poll of its node finds the request. */
    void cancelLocally(UUID runId) {
        Entry entry = running.get(runId);
        if (entry != null) {
            entry.token().cancel();
        }
    }

    @Scheduled(fixedDelayString = "${crystallize.execution.cancel-poll-interval:500ms}")
    void poll() {
        if (running.isEmpty()) {
            return;
        }
        runs.findCancelRequested(List.copyOf(running.keySet())).forEach(this::cancelLocally);
    }
}
