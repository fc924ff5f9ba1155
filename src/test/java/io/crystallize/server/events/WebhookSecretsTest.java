package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook's secret is shown once, in the answer to its registration: the database holds it encrypted (with a
 * configured key here), no later answer and no log line (with Spring MVC's request and response logging on)
 * shows it, and deliveries are still signed with it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.webhooks.allowed-hosts=127.0.0.1",
        "crystallize.webhooks.secret-key=q83vEjR2aF4ZK0p3mN7tYw9XcB5uLd1HsG6iJoPeRkA=",
        "logging.level.org.springframework.web=DEBUG", "logging.level.io.crystallize=DEBUG"})
class WebhookSecretsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecretIsStoredEncryptedShownOnceNeverLoggedAndStillSigns(CapturedOutput output) throws Exception {
        Api api = new Api(port);
        String secret = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdefghijklmnopqrstuv".getBytes());
        String key = secret.substring(6);
        try (Receiver receiver = new Receiver()) {
            Api.Response created = api.post("/api/webhooks", Map.of("url", receiver.url(),
                    "events", List.of("run.completed"), "secret", secret));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Cache-Control")).contains("no-store");
            String id = created.json().path("id").asString();

            String stored = jdbc.queryForObject("select secret from webhook where id = ?", String.class, UUID.fromString(id));
            assertThat(stored).startsWith("enc:v1:").doesNotContain(key);
            assertThat(api.get("/api/webhooks/" + id).body()).doesNotContain(key).doesNotContain("secret");
            assertThat(api.get("/api/webhooks").body()).doesNotContain(key).doesNotContain(stored);

            String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("secret"), 1, 0)), null);
            api.awaitCompleted(runId, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.completed").size() == 1);
            Receiver.Delivery d = receiver.received("run.completed").get(0);
            assertThat(StandardWebhooks.verify(secret, d.header("webhook-id"), d.header("webhook-timestamp"), d.body(),
                    d.header("webhook-signature"))).isTrue();
        }
        assertThat(output.getAll()).contains("WebhookRequest").doesNotContain(key);
    }
}
