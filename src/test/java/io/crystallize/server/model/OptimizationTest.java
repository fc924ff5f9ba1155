package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Optimizations over HTTP (API.md "The rest of the model"): random and grid trials, ask/tell, cancel, bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OptimizationTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":20}},
             "steps":[%s{"type":"math.add"},{"type":"stats.summary"}],"replicates":2,
             "plugins":[{"type":"seed","params":{"seed":5}}]}""";
    static final Map<String, Object> DELTA = Map.of("delta", Map.of("type", "float", "low", 0, "high", 10));
    static final Map<String, Object> MAXIMIZE_MEAN = Map.of("metric", "mean", "direction", "maximize", "aggregate", "mean");

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String experiment(String steps) {
        return api.createExperiment(EXPERIMENT.formatted("opt-" + UUID.randomUUID().toString().substring(0, 8), steps));
    }

    private JsonNode awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/optimizations/" + id).json(), o -> !o.path("status").asString().equals("RUNNING"));
    }

    @Test
    void sixteenRandomTrialsMaximizingTheMeanFindADeltaAboveSeven() {
        String experimentId = experiment("");
        Api.Response created = api.post("/api/experiments/" + experimentId + "/optimizations",
                Map.of("space", DELTA, "objective", MAXIMIZE_MEAN, "trials", 16, "sampler", "random", "seed", 7));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/optimizations/" + id);

        JsonNode done = awaitFinished(id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("trials")).hasSize(16);
        List<Double> deltas = new ArrayList<>();
        for (JsonNode t : done.path("trials")) {
            assertThat(t.path("status").asString()).isEqualTo("COMPLETED");
            deltas.add(t.path("params").path("delta").asDouble());
        }
        assertThat(deltas).allMatch(d -> d >= 0 && d <= 10).doesNotHaveDuplicates();
        JsonNode best = done.path("best");
        assertThat(best.path("params").path("delta").asDouble()).isGreaterThan(7)
                .isEqualTo(deltas.stream().mapToDouble(Double::doubleValue).max().orElseThrow());

        // A trial is an ordinary treatment with ordinary seeds: a run with the best delta gives the same mean.
        String check = api.createExperiment(EXPERIMENT.formatted("opt-check-" + UUID.randomUUID().toString().substring(0, 8), "")
                .replace("\"replicates\":2", "\"replicates\":2,\"treatments\":[{\"name\":\"best\",\"context\":{\"delta\":"
                        + best.path("params").path("delta").asDouble() + "}}]"));
        String runId = api.startRun(check, null);
        api.awaitCompleted(runId, Duration.ofSeconds(30));
        JsonNode means = api.results(runId).path("metrics").path("best").path("mean");
        assertThat((means.get(0).asDouble() + means.get(1).asDouble()) / 2).isEqualTo(best.path("value").asDouble());
    }

    @Test
    void aGridSpreadsTheTrialsEvenly() {
        String experimentId = experiment("");
        String id = api.post("/api/experiments/" + experimentId + "/optimizations", Map.of("space", DELTA,
                "objective", Map.of("metric", "mean", "direction", "minimize"), "trials", 3, "sampler", "grid")).json()
                .path("id").asString();
        JsonNode done = awaitFinished(id);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("trials").valueStream().map(t -> t.path("params").path("delta").asDouble()).toList())
                .containsExactly(0.0, 5.0, 10.0);
        assertThat(done.path("best").path("trial").asInt()).isZero();
        assertThat(done.path("best").path("value").asDouble())
                .isLessThan(done.path("trials").get(1).path("value").asDouble());
    }

    @Test
    void askAndTellOfFiveTrialsStoresFiveValuesAndReportsTheBest() {
        String experimentId = experiment("");
        String id = api.post("/api/experiments/" + experimentId + "/optimizations",
                Map.of("space", DELTA, "objective", MAXIMIZE_MEAN, "trials", 0, "seed", 3)).json().path("id").asString();
        double bestValue = Double.NEGATIVE_INFINITY;
        int bestTrial = -1;
        for (int i = 0; i < 5; i++) {
            JsonNode asked = api.post("/api/optimizations/" + id + "/ask", (String) null).json();
            assertThat(asked.path("trial").asInt()).isEqualTo(i);
            double delta = asked.path("params").path("delta").asDouble();
            double value = -(delta - 4) * (delta - 4);
            if (value > bestValue) {
                bestValue = value;
                bestTrial = i;
            }
            Api.Response told = api.post("/api/optimizations/" + id + "/tell", Map.of("trial", i, "value", value));
            assertThat(told.status()).as(told.body()).isEqualTo(200);
        }
        JsonNode o = api.get("/api/optimizations/" + id).json();
        assertThat(o.path("trials")).hasSize(5);
        assertThat(o.path("trials").valueStream().filter(t -> t.path("value").isNumber()).count()).isEqualTo(5);
        assertThat(o.path("best").path("trial").asInt()).isEqualTo(bestTrial);
        assertThat(o.path("best").path("value").asDouble()).isEqualTo(bestValue);

        assertThat(api.post("/api/optimizations/" + id + "/tell", Map.of("trial", 0, "value", 1.0)).status())
                .as("a trial is told once").isEqualTo(409);
        Api.Response bad = api.post("/api/optimizations/" + id + "/tell", Map.of("trial", 1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("value");
    }

    @Test
    void cancelStopsTheRemainingTrials() {
        String experimentId = experiment("{\"type\":\"sleep\",\"params\":{\"ms\":150}},");
        String id = api.post("/api/experiments/" + experimentId + "/optimizations",
                Map.of("space", DELTA, "objective", MAXIMIZE_MEAN, "trials", 40)).json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/optimizations/" + id).json().path("trials")
                .valueStream().anyMatch(t -> t.path("status").asString().equals("COMPLETED")));
        assertThat(api.post("/api/optimizations/" + id + "/cancel", (String) null).status()).isEqualTo(202);
        JsonNode done = awaitFinished(id);
        assertThat(done.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(done.path("trials").valueStream().filter(t -> t.path("status").asString().equals("CANCELLED")).count())
                .isGreaterThan(30);
        assertThat(api.post("/api/optimizations/" + id + "/cancel", (String) null).status()).isEqualTo(409);
    }

    @Test
    void badRequestsAre400NamingTheFieldAndUnknownOnes404() {
        String experimentId = experiment("");
        String path = "/api/experiments/" + experimentId + "/optimizations";
        assertField(api.post(path, Map.of("space", DELTA, "objective", MAXIMIZE_MEAN, "sampler", "tpe")), "sampler");
        assertField(api.post(path, Map.of("space", Map.of(), "objective", MAXIMIZE_MEAN)), "space");
        assertField(api.post(path, Map.of("space", Map.of("delta", Map.of("type", "float", "low", 3, "high", 1)),
                "objective", MAXIMIZE_MEAN)), "space.delta.high");
        assertField(api.post(path, Map.of("space", Map.of("seed_used", Map.of("type", "categorical", "choices", List.of(1))),
                "objective", MAXIMIZE_MEAN)), "space.seed_used");
        assertField(api.post(path, Map.of("space", DELTA, "objective", Map.of("metric", "mean", "direction", "up"))),
                "objective.direction");
        assertThat(api.get("/api/optimizations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.post("/api/experiments/" + UUID.randomUUID() + "/optimizations",
                Map.of("space", DELTA, "objective", MAXIMIZE_MEAN)).status()).isEqualTo(404);
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }
}
