package io.crystallize.server.run;

import io.crystallize.server.engine.CancellationToken;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellation tokens of the runs executing on this node. A cancel request is stored on the run; this
 * registry polls for it, so a cancel reaches the run whichever node received the request.
 */
@Component
class CancellationRegistry {

    private final Map<UUID, CancellationToken> running = new ConcurrentHashMap<>();
    private final RunRepository runs;

    CancellationRegistry(RunRepository runs) {
        this.runs = runs;
    }

    CancellationToken register(UUID runId) {
        return running.computeIfAbsent(runId, id -> new CancellationToken());
    }

    void unregister(UUID runId) {
        running.remove(runId);
    }

    /** Cancels at once when the run executes here; otherwise the poll of its node finds the request. */
    void cancelLocally(UUID runId) {
        CancellationToken token = running.get(runId);
        if (token != null) {
            token.cancel();
        }
    }

    @Scheduled(fixedDelayString = "${crystallize.execution.cancel-poll-interval:500ms}")
    void poll() {
        if (running.isEmpty()) {
            return;
        }
        List<UUID> cancelled = runs.findCancelRequested(List.copyOf(running.keySet()));
        cancelled.forEach(this::cancelLocally);
    }
}
