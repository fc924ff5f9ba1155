package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The optimization pool's bound (docs/limits.md): past its threads and queue, a new optimization is a 429. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.optimization.threads=1", "crystallize.optimization.queue-capacity=0"})
class OptimizationPoolTest {

    @LocalServerPort
    int port;

    @Test
    void aFullPoolRefusesTheNextOptimizationWith429AndStoresNothing() {
        Api api = new Api(port);
        String experimentId = api.createExperiment(OptimizationTest.EXPERIMENT.formatted(
                "opt-pool-" + UUID.randomUUID().toString().substring(0, 8), "{\"type\":\"sleep\",\"params\":{\"ms\":100}},"));
        String path = "/api/experiments/" + experimentId + "/optimizations";
        Map<String, Object> request = Map.of("space", OptimizationTest.DELTA, "objective", OptimizationTest.MAXIMIZE_MEAN,
                "trials", 50);
        String busy = api.post(path, request).json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/optimizations/" + busy).json().path("trials")
                .valueStream().anyMatch(t -> !t.path("status").asString().equals("PENDING")));

        Api.Response refused = api.post(path, request);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(refused.body()).contains("crystallize.optimization.threads");
        assertThat(api.post(path, Map.of("space", OptimizationTest.DELTA, "objective", OptimizationTest.MAXIMIZE_MEAN,
                "trials", 0)).status()).as("ask/tell needs no thread").isEqualTo(202);

        assertThat(api.post("/api/optimizations/" + busy + "/cancel", (String) null).status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/optimizations/" + busy).json(),
                o -> !o.path("status").asString().equals("RUNNING"));
        assertThat(done.path("status").asString()).isEqualTo("CANCELLED");
        // The pool's thread is free once the cancelled optimization's task has returned, just after its status.
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post(path, Map.of("space", OptimizationTest.DELTA,
                "objective", OptimizationTest.MAXIMIZE_MEAN, "trials", 1)).status() == 202);
    }
}
