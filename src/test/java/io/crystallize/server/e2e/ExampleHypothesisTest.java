package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

/**
 * The API.md example with its hypothesis: the run reproduces the committed metrics exactly, ranks
 * {@code boost} best, and its Welch p-value equals scipy's on those metrics
 * ({@code scripts/stats/example_welch.py}).
 */
class ExampleHypothesisTest extends E2eTest {

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ExampleHypothesisTest.class.getResourceAsStream("/fixtures/e2e/" + name)) {
            return Api.JSON.readTree(in);
        }
    }

    @Test
    void boostIsBestWithScipysWelchPValue() throws IOException {
        Map<String, Object> hypothesis = Map.of("name", "boost_raises_mean",
                "verifier", Map.of("type", "welch_t_test", "params", Map.of("alpha", 0.05)),
                "metrics", List.of("mean"), "ranker", "p_value");
        String experimentId = api.createExperiment(Definitions.example(unique("boost-total"),
                Map.of("type", "parallel", "params", Map.of("maxWorkers", 4)), List.of(hypothesis)));
        String runId = api.startRun(experimentId, null);
        assertThat(api.awaitFinished(runId).get("status").asString()).isEqualTo("COMPLETED");
        JsonNode results = api.get("/api/runs/" + runId + "/results").json();

        JsonNode expectedMetrics = fixture("example-metrics.json");
        for (String condition : List.of("baseline", "boost")) {
            JsonNode expected = expectedMetrics.get(condition).get("mean");
            JsonNode actual = results.get("metrics").get(condition).get("mean");
            assertThat(actual).hasSize(12);
            for (int i = 0; i < 12; i++) {
                assertThat(actual.get(i).asDouble()).isEqualTo(expected.get(i).asDouble(), offset(1e-12));
            }
        }

        JsonNode scipy = fixture("example-welch.json");
        JsonNode h = results.get("hypotheses").get(0);
        assertThat(h.get("name").asString()).isEqualTo("boost_raises_mean");
        JsonNode boost = h.get("results").get("boost");
        double p = scipy.get("p_value").asDouble();
        assertThat(boost.get("p_value").asDouble()).isCloseTo(p, within(p * 1e-9));
        assertThat(boost.get("statistic").asDouble()).isCloseTo(scipy.get("statistic").asDouble(), within(1e-7));
        assertThat(boost.get("ci_low").asDouble()).isCloseTo(scipy.get("ci_low").asDouble(), within(1e-9));
        assertThat(boost.get("ci_high").asDouble()).isCloseTo(scipy.get("ci_high").asDouble(), within(1e-9));
        assertThat(boost.get("significant").asBoolean()).isTrue();
        assertThat(h.get("ranking").get("best").asString()).isEqualTo("boost");
        assertThat(h.get("ranking").get("ranked").get(0).get(0).asString()).isEqualTo("boost");
    }
}
