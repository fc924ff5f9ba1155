package io.crystallize.server.events;

import io.crystallize.server.CrystallizeServerApplication;
import io.crystallize.server.support.Api;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery survives a restart: the service's first attempt gets a 500, the service is shut down before the
 * retry is due, and a new service on the same database makes the second attempt, which delivers.
 */
class WebhookRestartTest {

    @Test
    void aRestartedServiceStillDeliversTheRetry() throws Exception {
        TestDatabase.Connection db = TestDatabase.current().newDatabase();
        try (Receiver receiver = new Receiver().answer(500)) {
            String hookId;
            String secret;
            try (ConfigurableApplicationContext first = start(db)) {
                Api api = api(first);
                JsonNode hook = api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.completed"))).json();
                hookId = hook.path("id").asString();
                secret = hook.path("secret").asString();
                String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("restart"), 1, 0)), null);
                api.awaitCompleted(runId, Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(30)).until(() -> attempts(api, hookId).size() == 1);
                assertThat(attempts(api, hookId).get(0).path("statusCode").asInt()).isEqualTo(500);
            }
            assertThat(receiver.received()).hasSize(1);

            try (ConfigurableApplicationContext second = start(db)) {
                Api api = api(second);
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> delivery(api, hookId).path("status").asString().equals("DELIVERED"));
                assertThat(attempts(api, hookId)).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 200);
                Receiver.Delivery d = receiver.received().get(1);
                assertThat(d.header("webhook-id")).isEqualTo(receiver.received().get(0).header("webhook-id"));
                assertThat(StandardWebhooks.verify(secret, d.header("webhook-id"), d.header("webhook-timestamp"), d.body(),
                        d.header("webhook-signature"))).isTrue();
            }
        }
    }

    /** The service on {@code db}; the retry after the first attempt is due well after the first one shut down. */
    private static ConfigurableApplicationContext start(TestDatabase.Connection db) {
        return new SpringApplicationBuilder(CrystallizeServerApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--crystallize.webhooks.allowed-hosts=127.0.0.1",
                "--crystallize.webhooks.retry-delays=10s,10s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static JsonNode delivery(Api api, String hookId) {
        JsonNode all = api.get("/api/webhooks/" + hookId + "/deliveries").json();
        assertThat(all.size()).isEqualTo(1);
        return all.get(0);
    }

    private static List<JsonNode> attempts(Api api, String hookId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        delivery(api, hookId).path("attempts").forEach(out::add);
        return out;
    }
}
