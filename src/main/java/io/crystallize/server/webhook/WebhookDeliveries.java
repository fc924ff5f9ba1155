package io.crystallize.server.webhook;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Attempts deliveries: each is a db-scheduler task (durable: any node attempts it, after a restart too). A failed
 * attempt is retried after the next of {@code crystallize.webhooks.retry-delays}; the attempt number comes from
 * the stored attempts, so it survives restarts and a revived execution.
 */
@Component
class WebhookDeliveries {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("webhook-delivery", String.class);
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookProperties props;
    private final Clock clock;
    private final MeterRegistry registry;

    WebhookDeliveries(WebhookStore store, WebhookSender sender, WebhookSecrets secrets, WebhookProperties props,
                      Clock clock, MeterRegistry registry) {
        this.store = store;
        this.sender = sender;
        this.secrets = secrets;
        this.props = props;
        this.clock = clock;
        this.registry = registry;
        List.of("delivered", "retried", "failed").forEach(this::counter);
    }

    /** One attempt of the delivery; the handler removes the task or reschedules it for the next attempt. */
    CompletionHandler<String> attempt(UUID deliveryId) {
        WebhookStore.Pending d = store.pending(deliveryId).orElse(null);
        if (d == null || !d.status().equals("PENDING")) {
            return (done, ops) -> ops.remove(); // the webhook was deleted, or another execution finished it
        }
        int attempt = store.attempts(deliveryId) + 1;
        Instant started = clock.instant();
        WebhookSender.Outcome outcome = props.allows(URI.create(d.url()).getHost())
                ? send(d, deliveryId, started)
                : new WebhookSender.Outcome(null, "host is no longer in crystallize.webhooks.allowed-hosts");
        Instant ended = clock.instant();
        store.recordAttempt(deliveryId, attempt, outcome.statusCode(), outcome.error(), started,
                ended.toEpochMilli() - started.toEpochMilli());
        if (outcome.delivered()) {
            store.finish(deliveryId, "DELIVERED", ended);
            counter("delivered").increment();
            return (done, ops) -> ops.remove();
        }
        List<java.time.Duration> delays = props.retryDelays();
        if (attempt > delays.size() || outcome.error().startsWith("host is no longer")) {
            store.finish(deliveryId, "FAILED", ended);
            counter("failed").increment();
            log.info("webhook delivery {} failed after {} attempts: {}", deliveryId, attempt, outcome.error());
            return (done, ops) -> ops.remove();
        }
        counter("retried").increment();
        Instant next = ended.plus(delays.get(attempt - 1));
        return (done, ops) -> ops.reschedule(done, next);
    }

    private WebhookSender.Outcome send(WebhookStore.Pending d, UUID deliveryId, Instant started) {
        String secret;
        try {
            secret = secrets.reveal(d.secret());
        } catch (RuntimeException otherKey) {
            // Retried like a network error: a node holding the right key may take the next attempt.
            return new WebhookSender.Outcome(null, "the webhook's secret cannot be decrypted with this node's key "
                    + "(crystallize.webhooks.secret-key must be the same on every node)");
        }
        return sender.post(d.url(), deliveryId.toString(), started.getEpochSecond(), secret, d.payload());
    }

    private Counter counter(String outcome) {
        return Counter.builder("crystallize.webhooks.deliveries").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
