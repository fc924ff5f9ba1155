package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks over real HTTP, delivered to a real receiver on loopback whose signature check is independent of
 * the service's code: registration rules, signed lifecycle deliveries, retries after 500s, the delivery log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.webhooks.allowed-hosts=127.0.0.1,localhost",
        "crystallize.webhooks.retry-delays=200ms,200ms,200ms,200ms,200ms"})
class WebhooksTest {

    @LocalServerPort
    int port;
    Api api;
    Receiver receiver;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void theIndependentVerifierAgreesWithThePublishedTestVector() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(StandardWebhooks.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "{\"test\": 2432232314}",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isTrue();
        assertThat(StandardWebhooks.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265331", "{\"test\": 2432232314}",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isFalse();
    }

    @Test
    void registrationNamesTheBadFieldAndShowsTheSecretOnce() {
        assertThat(field(api.post("/api/webhooks", Map.of("url", "http://example.org/hook", "events", List.of("run.completed")))))
                .isEqualTo("url");
        assertThat(field(api.post("/api/webhooks", Map.of("url", "ftp://127.0.0.1/x", "events", List.of("run.completed")))))
                .isEqualTo("url");
        assertThat(field(api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.exploded")))))
                .isEqualTo("events[0]");
        assertThat(field(api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.completed"),
                "secret", "whsec_short")))).isEqualTo("secret");
        int before = api.get("/api/webhooks").json().size();

        Api.Response created = api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.completed")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("secret").asString()).startsWith("whsec_");
        assertThat(body.path("events").get(0).asString()).isEqualTo("run.completed");
        assertThat(created.header("Location")).isEqualTo("/api/webhooks/" + body.path("id").asString());
        assertThat(api.get("/api/webhooks/" + body.path("id").asString()).body()).doesNotContain("secret");
        assertThat(api.get("/api/webhooks").body()).doesNotContain(body.path("secret").asString());
        assertThat(api.get("/api/webhooks").json().size()).isEqualTo(before + 1);

        assertThat(api.delete("/api/webhooks/" + body.path("id").asString()).status()).isEqualTo(204);
        assertThat(api.get("/api/webhooks/" + body.path("id").asString() + "/deliveries").status()).isEqualTo(404);
        assertThat(api.delete("/api/webhooks/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aCompletedRunIsDeliveredSignedAndLogged() throws Exception {
        JsonNode hook = register(List.of("run.started", "run.completed"));
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("hook-ok"), 2, 0)), null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.completed").size() == 1);
        Receiver.Delivery d = receiver.received("run.completed").get(0);
        assertThat(StandardWebhooks.verify(hook.path("secret").asString(), d.header("webhook-id"),
                d.header("webhook-timestamp"), d.body(), d.header("webhook-signature"))).as("signature").isTrue();
        assertThat(Math.abs(Long.parseLong(d.header("webhook-timestamp")) - System.currentTimeMillis() / 1000)).isLessThan(120);
        JsonNode body = Api.JSON.readTree(d.body());
        assertThat(body.path("type").asString()).isEqualTo("run.completed");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        assertThat(body.path("data").path("id").asString()).isEqualTo(runId);
        assertThat(body.path("data").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.path("data").path("progress").path("completedUnits").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.started").size() == 1);

        JsonNode log = deliveries(hook);
        JsonNode completed = find(log, "run.completed");
        assertThat(completed.path("id").asString()).isEqualTo(d.header("webhook-id"));
        assertThat(completed.path("runId").asString()).isEqualTo(runId);
        assertThat(completed.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(completed.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void twoFailuresThenSuccessDeliversOnTheThirdAttemptWithAllThreeLogged() throws Exception {
        JsonNode hook = register(List.of("run.completed"));
        receiver.answer(500, 500);
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("hook-retry"), 1, 0)), null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));

        JsonNode delivery = await().atMost(Duration.ofSeconds(30)).until(() -> find(deliveries(hook), "run.completed"),
                d -> d != null && d.path("status").asString().equals("DELIVERED"));
        assertThat(delivery.path("attempts")).hasSize(3);
        assertThat(delivery.path("attempts")).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 500, 200);
        assertThat(delivery.path("attempts")).extracting(a -> a.path("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(delivery.path("attempts").get(0).path("error").asString()).contains("500");
        List<Receiver.Delivery> got = receiver.received("run.completed");
        assertThat(got).hasSize(3).allMatch(r -> r.header("webhook-id").equals(delivery.path("id").asString()));
        for (Receiver.Delivery r : got) {
            assertThat(StandardWebhooks.verify(hook.path("secret").asString(), r.header("webhook-id"),
                    r.header("webhook-timestamp"), r.body(), r.header("webhook-signature"))).isTrue();
        }
    }

    @Test
    void aGivenSecretSignsAndCancelledRunsAreDeliveredToTheirSubscribersOnly() throws Exception {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
        Api.Response created = api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.cancelled"),
                "secret", secret));
        assertThat(created.json().path("secret").asString()).isEqualTo(secret);
        String runId = api.startRun(api.createExperiment(Experiments.endless(unique("hook-cancel"))), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.run(runId).path("status").asString().equals("RUNNING"));
        assertThat(api.post("/api/runs/" + runId + "/cancel", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.cancelled").size() == 1);
        Receiver.Delivery d = receiver.received("run.cancelled").get(0);
        assertThat(StandardWebhooks.verify(secret, d.header("webhook-id"), d.header("webhook-timestamp"), d.body(),
                d.header("webhook-signature"))).isTrue();
        assertThat(receiver.received("run.started")).isEmpty();
    }

    private JsonNode register(List<String> events) {
        Api.Response r = api.post("/api/webhooks", Map.of("url", receiver.url(), "events", events));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode deliveries(JsonNode hook) {
        Api.Response r = api.get("/api/webhooks/" + hook.path("id").asString() + "/deliveries");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode find(JsonNode deliveries, String type) {
        for (JsonNode d : deliveries) {
            if (d.path("type").asString().equals(type)) {
                return d;
            }
        }
        return null;
    }

    private static String field(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().path("errors").get(0).path("field").asString();
    }
}
