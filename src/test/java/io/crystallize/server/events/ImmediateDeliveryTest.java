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

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook's first delivery is a task that starts when it is scheduled (after the commit of the run's end), not at
 * the scheduler's next poll: with a poll an hour apart, a run still starts and its {@code run.completed} reaches a
 * real receiver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.webhooks.allowed-hosts=127.0.0.1,localhost", "db-scheduler.polling-interval=1h"})
class ImmediateDeliveryTest {

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
    void aCompletedRunIsDeliveredWithoutWaitingForThePoll() {
        Api.Response hook = api.post("/api/webhooks", Map.of("url", receiver.url(), "events", List.of("run.completed")));
        assertThat(hook.status()).isEqualTo(201);
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("hook-now"), 2, 0)), null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.completed").size() == 1);
        JsonNode body = Api.JSON.readTree(receiver.received("run.completed").get(0).body());
        assertThat(body.path("data").path("id").asString()).isEqualTo(runId);
        assertThat(body.path("data").path("status").asString()).isEqualTo("COMPLETED");
    }
}
