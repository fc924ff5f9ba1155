package io.crystallize.server.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The distributed plugin on a cluster of one: unit groups as db-scheduler tasks, the same metrics as serial. */
class DistributedSingleNodeTest extends E2eTest {

    private JsonNode run(Map<String, Object> executionPlugin) {
        Map<String, Object> hypothesis = Map.of("name", "h", "verifier", Map.of("type", "welch_t_test"), "metrics", "mean");
        String runId = api.startRun(api.createExperiment(Definitions.example(unique("dist"), executionPlugin,
                List.of(hypothesis))), null);
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        return api.get("/api/runs/" + runId + "/results").json();
    }

    @Test
    void aDistributedRunGivesTheSameResultsAsASerialOne() {
        JsonNode serial = run(Map.of("type", "serial"));
        JsonNode distributed = run(Map.of("type", "distributed", "params", Map.of("unitsPerTask", 4)));
        assertThat(distributed.get("metrics")).isEqualTo(serial.get("metrics"));
        assertThat(distributed.get("hypotheses").get(0).get("results"))
                .isEqualTo(serial.get("hypotheses").get(0).get("results"));
        assertThat(distributed.get("hypotheses").get(0).get("ranking").get("best").asString()).isEqualTo("boost");
    }

    @Test
    void theRunLogTellsHowTheUnitsWereHandedOut() {
        Map<String, Object> d = Definitions.minimal(unique("dist-log"));
        d.put("replicates", 5);
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 3)),
                Map.of("type", "distributed", "params", Map.of("unitsPerTask", 4))));
        String runId = api.startRun(api.createExperiment(d), null);
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("progress").get("completedUnits").asInt()).isEqualTo(10);
        // 4 units per task = 2 replicates of 2 conditions: 5 replicates make 3 tasks.
        assertThat(api.get("/api/runs/" + runId + "/logs").body()).contains("Units handed to 3 tasks")
                .containsPattern("Completed in \\d+\\.\\ds; 0 errors");
        assertThat(api.get("/api/runs/" + runId + "/seeds").json()).hasSize(10);
        JsonNode units = api.get("/api/runs/" + runId + "/units").json();
        assertThat(units).hasSize(10);
        units.forEach(u -> {
            assertThat(u.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(u.get("node").asString()).isNotBlank();
        });
    }
}
