package io.crystallize.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code crystallize.quotas.*}: how much one workspace or user may ask of the service. Past a quota the answer is
 * {@code 429} with {@code Retry-After}, and nothing is stored.
 *
 * @param maxActiveRuns        runs QUEUED or RUNNING at once per workspace
 * @param maxUnitsPerRun       replicates × conditions of one run
 * @param submissionsPerMinute run submissions per user per minute (a token bucket refilled evenly over the minute)
 * @param activeRunsRetryAfter the {@code Retry-After} of a refusal for too many active runs (when one may have finished)
 */
@ConfigurationProperties("crystallize.quotas")
public record QuotaProperties(@DefaultValue("20") int maxActiveRuns, @DefaultValue("1000000") int maxUnitsPerRun,
                              @DefaultValue("60") int submissionsPerMinute,
                              @DefaultValue("30s") Duration activeRunsRetryAfter) {
}
