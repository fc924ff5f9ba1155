package io.crystallize.server.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's tasks start when the transaction that scheduled them commits, not at the scheduler's next poll: with a
 * poll an hour apart, a run — serial, and distributed with its unit groups and completion as further tasks —
 * still completes, and its results equal a serial run's.
 */
@TestPropertySource(properties = "db-scheduler.polling-interval=1h")
class ImmediateStartTest extends E2eTest {

    private JsonNode run(Map<String, Object> executionPlugin) {
        Map<String, Object> hypothesis = Map.of("name", "h", "verifier", Map.of("type", "welch_t_test"), "metrics", "mean");
        String runId = api.startRun(api.createExperiment(Definitions.example(unique("now"), executionPlugin,
                List.of(hypothesis))), null);
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("progress").get("completedUnits").asLong()).isEqualTo(run.get("progress").get("totalUnits").asLong());
        return api.get("/api/runs/" + runId + "/results").json();
    }

    @Test
    void runsStartWithoutWaitingForThePoll() {
        JsonNode serial = run(Map.of("type", "serial"));
        JsonNode distributed = run(Map.of("type", "distributed", "params", Map.of("unitsPerTask", 4)));

        assertThat(distributed.get("metrics")).isEqualTo(serial.get("metrics"));
        assertThat(serial.get("metrics").get("baseline").get("mean")).isNotEmpty();
    }
}
