package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/experiments/{id}/apply}: one synchronous pass, stored nowhere, bounded by its timeout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "crystallize.apply.timeout=5s")
class ApplyTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"%s","params":{%s}},
             "steps":[%s{"type":"math.add"},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":10}}],
             "plugins":[{"type":"seed","params":{"seed":42}}]}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String experiment(String datasource, String params, String steps) {
        return api.createExperiment(EXPERIMENT.formatted("apply-" + UUID.randomUUID().toString().substring(0, 8),
                datasource, params, steps));
    }

    @Test
    void onePassOverTheDatasourceOrTheGivenDataForATreatmentStoresNothing() {
        String id = experiment("range", "\"end\":5", "");
        Api.Response plain = api.post("/api/experiments/" + id + "/apply", "{}");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().path("data").valueStream().map(JsonNode::asDouble).toList())
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
        assertThat(plain.json().path("metrics").path("mean").get(0).asDouble()).isEqualTo(2.0);

        JsonNode boosted = api.post("/api/experiments/" + id + "/apply",
                Map.of("data", java.util.List.of(1, 2, 3), "treatment", "boost")).json();
        assertThat(boosted.path("data").valueStream().map(JsonNode::asDouble).toList()).containsExactly(11.0, 12.0, 13.0);
        assertThat(boosted.path("metrics").path("mean").get(0).asDouble()).isEqualTo(12.0);
        assertThat(api.get("/api/runs?experimentId=" + id).json().path("totalElements").asInt()).isZero();
    }

    @Test
    void aSeededPassEqualsReplicateZeroOfARun() {
        String id = experiment("random.normal", "\"n\":8", "");
        JsonNode first = api.post("/api/experiments/" + id + "/apply", Map.of("seed", 42)).json();
        JsonNode second = api.post("/api/experiments/" + id + "/apply", Map.of("seed", 42)).json();
        assertThat(second).isEqualTo(first);
        String runId = api.startRun(id, "{\"replicates\":1}");
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        assertThat(api.results(runId).path("metrics").path("baseline")).isEqualTo(first.path("metrics"));
    }

    @Test
    void badInputIs400AndASlowPassIs504() {
        String id = experiment("range", "\"end\":3", "{\"type\":\"sleep\",\"params\":{\"ms\":60000}},");
        Api.Response unknown = api.post("/api/experiments/" + id + "/apply", Map.of("treatment", "nope"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("treatment");
        Api.Response slow = api.post("/api/experiments/" + id + "/apply", "{}");
        assertThat(slow.status()).as(slow.body()).isEqualTo(504);
        assertThat(slow.json().path("detail").asString()).contains("crystallize.apply.timeout");
        assertThat(api.post("/api/experiments/" + UUID.randomUUID() + "/apply", "{}").status()).isEqualTo(404);
    }
}
