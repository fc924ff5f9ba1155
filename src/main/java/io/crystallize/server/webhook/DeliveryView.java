package io.crystallize.server.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of a run event to a webhook ({@code id} is its {@code webhook-id} header), with every attempt:
 * {@code status} PENDING while attempts remain, then DELIVERED or FAILED.
 */
public record DeliveryView(UUID id, String type, UUID runId, String status, Instant createdAt, Instant finishedAt,
                           List<Attempt> attempts) {

    /** One POST to the receiver: its answer's status code (null when none came) or the error, and when. */
    public record Attempt(int attempt, Integer statusCode, String error, Instant at, long durationMs) {
    }
}
