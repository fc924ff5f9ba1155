package io.crystallize.server.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-time limits of docs/limits.md with small values: a unit past its time limit fails with that cause, a run
 * past its time limit is FAILED with it, a unit over the metric cap or the node's memory budget fails naming the
 * property, and the run goes on.
 */
@TestPropertySource(properties = {"crystallize.limits.unit-timeout=1s", "crystallize.limits.run-timeout=4s",
        "crystallize.limits.max-metric-values-per-unit=5", "crystallize.limits.node-unit-memory=1MB"})
class TimeAndMemoryLimitsTest extends E2eTest {

    private static Map<String, Object> definition(String name, Map<String, Object> datasource, List<Map<String, Object>> steps,
                                                  int replicates) {
        return Map.of("name", unique(name), "datasource", datasource, "steps", steps, "replicates", replicates);
    }

    private static Map<String, Object> sleep(int ms) {
        return Map.of("type", "sleep", "params", Map.of("ms", ms));
    }

    private static final Map<String, Object> SMALL = Map.of("type", "range", "params", Map.of("end", 3));

    @Test
    void aUnitPastItsTimeLimitFailsAndTheRunCompletes() {
        String id = api.createExperiment(definition("unit-timeout", SMALL, List.of(sleep(700), sleep(700)), 1));
        JsonNode run = api.awaitCompleted(api.startRun(id, (String) null), java.time.Duration.ofSeconds(60));
        assertThat(run.path("progress").path("failedUnits").asInt()).isEqualTo(1);
        JsonNode error = api.results(run.path("id").asString()).path("errors").path("baseline_rep_0");
        assertThat(error.path("message").asString()).contains("time limit").contains("crystallize.limits.unit-timeout");
    }

    @Test
    void aSleepLongerThanTheUnitTimeLimitIsRefusedAtSubmission() {
        var r = api.post("/api/experiments", definition("long-sleep", SMALL, List.of(sleep(1001)), 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("steps[0].params.ms");
    }

    @Test
    void aRunPastItsTimeLimitIsFailedWithTheCause() {
        String id = api.createExperiment(definition("run-timeout", SMALL, List.of(sleep(900)), 10));
        JsonNode run = api.awaitFinished(api.startRun(id, (String) null));
        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("failure").asString()).contains("crystallize.limits.run-timeout");
    }

    @Test
    void aUnitOverTheMetricCapFails() {
        String id = api.createExperiment(definition("metric-cap", SMALL, List.of(Map.of("type", "stats.summary")), 1));
        JsonNode run = api.awaitCompleted(api.startRun(id, (String) null), java.time.Duration.ofSeconds(60));
        assertThat(run.path("progress").path("failedUnits").asInt()).isEqualTo(1);
        assertThat(api.results(run.path("id").asString()).path("errors").toString())
                .contains("crystallize.limits.max-metric-values-per-unit");
    }

    @Test
    void aUnitLargerThanTheNodeMemoryBudgetFailsNamingIt() {
        String id = api.createExperiment(definition("memory-budget",
                Map.of("type", "random.normal", "params", Map.of("n", 100_000)),
                List.of(Map.of("type", "math.add")), 2));
        JsonNode run = api.awaitCompleted(api.startRun(id, (String) null), java.time.Duration.ofSeconds(60));
        assertThat(run.path("progress").path("failedUnits").asInt()).isEqualTo(2);
        assertThat(api.results(run.path("id").asString()).path("errors").toString())
                .contains("crystallize.limits.node-unit-memory");
    }

    @Test
    void unitsWithinTheBudgetComplete() {
        String id = api.createExperiment(definition("within-budget",
                Map.of("type", "random.normal", "params", Map.of("n", 20_000)),
                List.of(Map.of("type", "math.add"), Map.of("type", "noise.gaussian")), 4));
        JsonNode run = api.awaitCompleted(api.startRun(id, (String) null), java.time.Duration.ofSeconds(60));
        assertThat(run.path("progress").path("completedUnits").asInt()).isEqualTo(4);
    }
}
