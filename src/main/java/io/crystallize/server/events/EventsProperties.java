package io.crystallize.server.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Run event streams ({@code crystallize.events.*}): how often watched runs are read from the database (also the
 * least time between two {@code progress} events, never below 250 ms), how often an idle stream gets a heartbeat
 * comment, how long a stream stays open before the server ends it (the client reconnects with
 * {@code Last-Event-ID}), and how many streams one user (or, without authentication, one client address) may
 * hold open at once.
 */
@ConfigurationProperties("crystallize.events")
public record EventsProperties(@DefaultValue("250ms") Duration pollInterval,
                               @DefaultValue("15s") Duration heartbeatInterval,
                               @DefaultValue("30m") Duration timeout,
                               @DefaultValue("20") int maxStreamsPerUser) {

    public EventsProperties {
        if (pollInterval.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("crystallize.events.poll-interval must be at least 250ms, got " + pollInterval);
        }
        if (maxStreamsPerUser < 1) {
            throw new IllegalArgumentException("crystallize.events.max-streams-per-user must be at least 1");
        }
    }
}
