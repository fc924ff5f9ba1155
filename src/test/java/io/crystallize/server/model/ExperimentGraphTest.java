package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Experiment graphs (SPEC §7): the downstream's {@code artifact} datasource reads the upstream's JSON artifact per
 * replicate (cycling) and condition (falling back to baseline); {@code withUpstream} runs the upstream first, as
 * its own run, and lists it in {@code upstreamRuns}; a cycle is a 400 at submission and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExperimentGraphTest {

    static final String UPSTREAM = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":6}},
             "steps":[{"type":"math.add"},{"type":"artifact.json","params":{"name":"data.json"}},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":100.0}}],"replicates":2,
             "plugins":[{"type":"seed","params":{"seed":21}}]}""";
    static final String DOWNSTREAM = """
            {"name":"%s","datasource":{"type":"artifact","params":{"experiment":"%s","step":"artifact.json","name":"data.json"}},
             "steps":[{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"x":1}},{"name":"other","context":{"x":2}}],"replicates":3}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withUpstreamRunsTheUpstreamFirstAndTheDownstreamReadsItsArtifactPerReplicate() {
        String up = name("up");
        String upId = api.createExperiment(UPSTREAM.formatted(up));
        String downId = api.createExperiment(DOWNSTREAM.formatted(name("down"), up));

        Api.Response started = api.post("/api/experiments/" + downId + "/runs", "{\"withUpstream\":true}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("id").asString();
        JsonNode run = api.awaitCompleted(runId, Duration.ofSeconds(90));
        assertThat(run.path("upstreamRuns")).hasSize(1);
        String upRunId = run.path("upstreamRuns").get(0).asString();
        JsonNode upRun = api.run(upRunId);
        assertThat(upRun.path("experimentId").asString()).isEqualTo(upId);
        assertThat(upRun.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(upRun.path("finishedAt").asString()).isLessThanOrEqualTo(run.path("startedAt").asString());

        JsonNode upMetrics = api.results(upRunId).path("metrics");
        JsonNode downMetrics = api.results(runId).path("metrics");
        for (int r = 0; r < 3; r++) {
            double baseline = upMetrics.path("baseline").path("mean").get(r % 2).asDouble();
            assertThat(downMetrics.path("baseline").path("mean").get(r).asDouble()).isEqualTo(baseline);
            assertThat(downMetrics.path("boost").path("mean").get(r).asDouble())
                    .isEqualTo(upMetrics.path("boost").path("mean").get(r % 2).asDouble());
            assertThat(downMetrics.path("other").path("mean").get(r).asDouble()).as("falls back to baseline")
                    .isEqualTo(baseline);
        }
    }

    @Test
    void aCycleIsA400AtSubmissionAndStartsNothing() {
        String a = name("cyc-a");
        String b = name("cyc-b");
        String aId = api.createExperiment(DOWNSTREAM.formatted(a, b));
        String bId = api.createExperiment(DOWNSTREAM.formatted(b, a));

        Api.Response r = api.post("/api/experiments/" + aId + "/runs", "{\"withUpstream\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("withUpstream");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("cycle").contains(a).contains(b);
        assertThat(api.get("/api/runs?experimentId=" + aId).json().path("totalElements").asInt()).isZero();
        assertThat(api.get("/api/runs?experimentId=" + bId).json().path("totalElements").asInt()).isZero();
    }

    @Test
    void anExperimentReadsOnlyExperimentsOfItsOwnWorkspace() {
        Api other = api.createUser(name("elsewhere")).api();
        String up = name("foreign");
        String foreignId = other.createExperiment(UPSTREAM.formatted(up));
        other.awaitCompleted(other.startRun(foreignId, null), Duration.ofSeconds(60));
        String downId = api.createExperiment(DOWNSTREAM.formatted(name("reader"), up));

        Api.Response r = api.post("/api/experiments/" + downId + "/runs", "{\"withUpstream\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("withUpstream");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains(up).contains("does not exist");
        String runId = api.startRun(downId, null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        assertThat(api.results(runId).path("errors").path("baseline_rep_0").path("message").asString())
                .as("the other workspace's completed run is not read").contains(up).contains("no completed run");
    }

    @Test
    void anUpstreamWithoutACompletedRunFailsTheUnitsNamingIt() {
        String up = name("never-run");
        api.createExperiment(UPSTREAM.formatted(up));
        String downId = api.createExperiment(DOWNSTREAM.formatted(name("orphan"), up));
        String runId = api.startRun(downId, null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        assertThat(api.results(runId).path("errors").path("baseline_rep_0").path("message").asString())
                .contains(up).contains("no completed run");
    }
}
