package io.crystallize.server.idempotency.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code crystallize.idempotency.*}: how long a key and its stored response are kept ({@code ttl}), and how
 * often expired keys are deleted ({@code cleanup-interval}; an expired key is also ignored before that).
 */
@ConfigurationProperties("crystallize.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("1h") Duration cleanupInterval) {
}
