package io.crystallize.server.access;

import io.crystallize.server.problem.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code crystallize.quotas.submissions-per-minute}: one Bucket4j token bucket per user, holding a minute's
 * worth of submissions and refilled evenly over the minute (so a burst of a minute's submissions is allowed, then
 * one every 60/n seconds). Buckets live in this node's memory: behind a load balancer each node counts its own.
 * Every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds
 * until the bucket is full again); a refusal is 429 with {@code Retry-After}.
 */
@Component
public class SubmissionLimiter {

    private final QuotaProperties quotas;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    SubmissionLimiter(QuotaProperties quotas) {
        this.quotas = quotas;
    }

    /** Takes one submission from the user's bucket; returns the rate-limit headers, or throws 429 with them. */
    public HttpHeaders acquire(UUID userId) {
        int perMinute = quotas.submissionsPerMinute();
        ConsumptionProbe probe = buckets.computeIfAbsent(userId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = new HttpHeaders();
        headers.set("RateLimit-Limit", Integer.toString(perMinute));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        headers.set("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("at most " + perMinute + " submissions per minute",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()), headers);
        }
        return headers;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
