package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starting runs with overrides, debug runs, cancelling, failures, and the 404/409 answers. */
class RunLifecycleTest extends E2eTest {

    private Map<String, Object> slow(String name, int replicates, int ms) {
        Map<String, Object> d = Definitions.minimal(name);
        d.put("steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", ms)), Map.of("type", "math.add"),
                Map.of("type", "stats.summary")));
        d.put("replicates", replicates);
        return d;
    }

    @Test
    void cancellingStopsTheRunKeepsCompletedUnitsAndCannotBeRepeated() {
        String runId = api.startRun(api.createExperiment(slow(unique("cancel"), 40, 100)), null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/runs/" + runId).json().get("progress").get("completedUnits").asInt() >= 2);

        Api.Response cancel = api.post("/api/runs/" + runId + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(202);
        JsonNode run = api.awaitFinished(runId);

        assertThat(run.get("status").asString()).isEqualTo("CANCELLED");
        int completed = run.get("progress").get("completedUnits").asInt();
        assertThat(completed).isBetween(2, 79);
        JsonNode results = api.get("/api/runs/" + runId + "/results").json();
        assertThat(results.get("metrics").get("baseline").get("mean").size()
                + results.get("metrics").get("t").get("mean").size()).isEqualTo(completed);
        assertThat(api.post("/api/runs/" + runId + "/cancel", null).status()).isEqualTo(409);
        assertThat(api.get("/api/runs/" + runId + "/logs").body()).contains("Run cancelled");
    }

    @Test
    void resultsAreAConflictUntilTheRunHasFinished() {
        String runId = api.startRun(api.createExperiment(slow(unique("early"), 5, 300)), null);
        Api.Response early = api.get("/api/runs/" + runId + "/results");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.awaitFinished(runId).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/runs/" + runId + "/results").status()).isEqualTo(200);
    }

    @Test
    void aRunRequestOverridesReplicatesAndPicksTreatments() {
        Map<String, Object> d = Definitions.minimal(unique("overrides"));
        d.put("treatments", List.of(Map.of("name", "a", "context", Map.of("delta", 1.0)),
                Map.of("name", "b", "context", Map.of("delta", 2.0))));
        String experimentId = api.createExperiment(d);

        String runId = api.startRun(experimentId, Map.of("replicates", 3, "treatments", List.of("b")));
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("replicates").asInt()).isEqualTo(3);
        assertThat(run.get("conditions").toString()).isEqualTo("[\"baseline\",\"b\"]");
        assertThat(run.get("progress").get("totalUnits").asInt()).isEqualTo(6);
        JsonNode metrics = api.get("/api/runs/" + runId + "/results").json().get("metrics");
        assertThat(metrics.get("b").get("mean").get(0).asDouble()).isEqualTo(4.0); // mean of 0..4 plus 2

        Api.Response unknown = api.post("/api/experiments/" + experimentId + "/runs", Map.of("treatments", List.of("zzz")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("treatments[0]");
        Api.Response badStrategy = api.post("/api/experiments/" + experimentId + "/runs", Map.of("strategy", "again"));
        assertThat(badStrategy.json().get("errors").get(0).get("field").asString()).isEqualTo("strategy");
        assertThat(api.post("/api/experiments/" + experimentId + "/runs", Map.of("replicates", 0)).status()).isEqualTo(400);
        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aDebugRunHasOneReplicateVerboseLoggingAndNoHypotheses() {
        Map<String, Object> d = Definitions.minimal(unique("debug"));
        d.put("replicates", 5);
        d.put("hypotheses", List.of(Map.of("name", "h", "verifier", Map.of("type", "welch_t_test"), "metrics", "mean")));
        String runId = api.startRun(api.createExperiment(d), Map.of("debug", true));
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("debug").asBoolean()).isTrue();
        assertThat(run.get("replicates").asInt()).isEqualTo(1);
        assertThat(api.get("/api/runs/" + runId + "/results").json().get("hypotheses")).isEmpty();
        assertThat(api.get("/api/runs/" + runId + "/logs").body()).contains("Rep 0/1 baseline finished step math.add");
    }

    @Test
    void failingUnitsAreListedAndTheRunStillCompletes() {
        Map<String, Object> d = Definitions.minimal(unique("failing"));
        d.put("replicates", 3);
        d.put("steps", List.of(Map.of("type", "fail", "params", Map.of("conditions", List.of("baseline"),
                "replicates", List.of(1), "message", "disk on fire")), Map.of("type", "stats.summary")));
        String runId = api.startRun(api.createExperiment(d), null);
        JsonNode run = api.awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("errorCount").asInt()).isEqualTo(1);
        assertThat(run.get("progress").get("skippedUnits").asInt()).isEqualTo(1);
        JsonNode results = api.get("/api/runs/" + runId + "/results").json();
        JsonNode error = results.get("errors").get("baseline_rep_1");
        assertThat(error.get("message").asString()).isEqualTo("Step 'fail' failed: disk on fire");
        assertThat(error.get("type").asString()).isEqualTo("IllegalStateException");
        assertThat(error.get("replicate").asInt()).isEqualTo(1);
        assertThat(error.get("condition").asString()).isEqualTo("baseline");
        assertThat(results.get("skipped").get("t_rep_1").get("condition").asString()).isEqualTo("t");
        assertThat(results.get("metrics").get("baseline").get("mean")).hasSize(2);
        assertThat(results.get("metrics").get("t").get("mean")).hasSize(2);
    }

    @Test
    void unknownRunsAndExperimentsAre404AndRunsListNewestFirst() {
        String missing = "/api/runs/00000000-0000-0000-0000-000000000000";
        for (String path : List.of(missing, missing + "/results", missing + "/seeds", missing + "/logs")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
        assertThat(api.post(missing + "/cancel", null).status()).isEqualTo(404);
        assertThat(api.post("/api/experiments/00000000-0000-0000-0000-000000000000/runs", null).status()).isEqualTo(404);

        String experimentId = api.createExperiment(Definitions.minimal(unique("listed")));
        String first = api.startRun(experimentId, null);
        String second = api.startRun(experimentId, null);
        JsonNode page = api.get("/api/runs?experimentId=" + experimentId + "&size=10").json();
        assertThat(page.get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(second);
        assertThat(page.get("content").get(1).get("id").asString()).isEqualTo(first);
        assertThat(api.get("/api/runs?size=1000").status()).isEqualTo(400);
        assertThat(api.get("/api/runs?status=DONE").status()).isEqualTo(400);
    }
}
