package io.crystallize.server.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The example experiment of API.md, run over HTTP: seeds, common random numbers and determinism. */
class ExampleExperimentTest extends E2eTest {

    private JsonNode runToCompletion(Map<String, Object> executionPlugin) {
        String experimentId = api.createExperiment(Definitions.example(unique("boost-total"), executionPlugin, List.of()));
        String runId = api.startRun(experimentId, null);
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        return run;
    }

    @Test
    void twelveReplicatesOfTwoConditionsCompleteWithTheSeedsOfTheFormula() {
        JsonNode run = runToCompletion(Map.of("type", "parallel", "params", Map.of("maxWorkers", 4)));
        String id = run.get("id").asString();
        assertThat(run.get("progress").get("completedUnits").asInt()).isEqualTo(24);
        assertThat(run.get("progress").get("totalUnits").asInt()).isEqualTo(24);
        assertThat(run.get("baseSeed").asLong()).isEqualTo(42);
        assertThat(run.get("conditions").toString()).isEqualTo("[\"baseline\",\"boost\"]");

        JsonNode seeds = api.get("/api/runs/" + id + "/seeds").json();
        List<Long> expected = new ArrayList<>();
        for (int rep = 0; rep < 12; rep++) {
            long seed = (42 + rep * 31337L) % (1L << 32);
            for (String condition : List.of("baseline", "boost")) {
                JsonNode s = seeds.get(expected.size());
                assertThat(s.get("replicate").asInt()).isEqualTo(rep);
                assertThat(s.get("condition").asString()).isEqualTo(condition);
                assertThat(s.get("seed").asLong()).isEqualTo(seed);
                expected.add(seed);
            }
        }
        assertThat(seeds).hasSize(24);

        JsonNode metrics = api.get("/api/runs/" + id + "/results").json().get("metrics");
        for (int rep = 0; rep < 12; rep++) {
            long seed = expected.get(rep * 2);
            assertThat(metrics.get("baseline").get("seed_used").get(rep).asLong()).isEqualTo(seed);
            assertThat(metrics.get("boost").get("seed_used").get(rep).asLong()).isEqualTo(seed);
            // Both conditions of a replicate draw the same numbers: only the treatment's +10 differs.
            double diff = metrics.get("boost").get("mean").get(rep).asDouble()
                    - metrics.get("baseline").get("mean").get(rep).asDouble();
            assertThat(diff).isCloseTo(10.0, within(1e-9));
            assertThat(metrics.get("boost").get("sd").get(rep).asDouble())
                    .isCloseTo(metrics.get("baseline").get("sd").get(rep).asDouble(), within(1e-9));
        }
        assertThat(metrics.get("baseline").get("n").get(0).asInt()).isEqualTo(50);
    }

    @Test
    void theSameExperimentGivesIdenticalMetricsSeriallyAndInParallel() {
        JsonNode serial = runToCompletion(Map.of("type", "serial"));
        JsonNode parallel = runToCompletion(Map.of("type", "parallel", "params", Map.of("maxWorkers", 3)));
        JsonNode serialMetrics = api.get("/api/runs/" + serial.get("id").asString() + "/results").json().get("metrics");
        JsonNode parallelMetrics = api.get("/api/runs/" + parallel.get("id").asString() + "/results").json().get("metrics");
        assertThat(parallelMetrics).isEqualTo(serialMetrics);
        assertThat(serialMetrics.get("baseline").get("mean")).hasSize(12);
    }
}
