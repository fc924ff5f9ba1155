package io.crystallize.server.production;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code strategy: "resume"} (SPEC §5): the completed units of the experiment's latest run are kept, only the
 * rest run, and the metrics equal those of an uninterrupted run with the same seed. The {@code trace} plugin's
 * run log shows which units a run really executed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResumeTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":10}},
             "steps":[{"type":"sleep","params":{"ms":100}},{"type":"math.add"},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":3.0}}],"replicates":8,
             "plugins":[{"type":"seed","params":{"seed":1234}},{"type":"trace"}]}""";
    static final String RESUME = "{\"strategy\":\"resume\"}";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void resumingACancelledRunKeepsItsUnitsRunsTheRestAndMatchesAnUninterruptedRun() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("resume")));
        String cancelledId = api.startRun(experimentId, null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.run(cancelledId).path("progress").path("completedUnits").asInt() >= 4);
        assertThat(api.post("/api/runs/" + cancelledId + "/cancel", null).status()).isEqualTo(202);
        JsonNode cancelled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.run(cancelledId), r -> r.path("status").asString().equals("CANCELLED"));
        int kept = cancelled.path("progress").path("completedUnits").asInt();
        assertThat(kept).isBetween(4, 15);

        String resumedId = api.startRun(experimentId, RESUME);
        JsonNode resumed = api.awaitCompleted(resumedId, Duration.ofSeconds(60));

        assertThat(resumed.path("strategy").asString()).isEqualTo("resume");
        assertThat(resumed.path("progress").path("completedUnits").asInt()).isEqualTo(16);
        assertThat(executedUnits(resumedId)).as("only the units the cancelled run had not completed ran").isEqualTo(16 - kept);
        assertThat(api.results(resumedId).path("metrics")).isEqualTo(uninterruptedMetrics());
    }

    @Test
    void resumingACompletedRunRunsNothingAndKeepsItsMetrics() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("resume-done")));
        String firstId = api.startRun(experimentId, null);
        api.awaitCompleted(firstId, Duration.ofSeconds(60));

        String resumedId = api.startRun(experimentId, RESUME);
        api.awaitCompleted(resumedId, Duration.ofSeconds(60));

        assertThat(executedUnits(resumedId)).isZero();
        assertThat(api.results(resumedId).path("metrics")).isEqualTo(api.results(firstId).path("metrics"));
        assertThat(api.get("/api/runs/" + resumedId + "/seeds").json()).isEqualTo(api.get("/api/runs/" + firstId + "/seeds").json());
    }

    @Test
    void resumeWithoutAnEarlierRunRunsEverything() {
        // An experiment is immutable, so its fingerprint cannot change between runs: the 409 of SPEC §5
        // (a changed pipeline) is unreachable over HTTP; the reachable edge is a first run that asks to resume.
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("resume-first")));
        String runId = api.startRun(experimentId, RESUME);
        api.awaitCompleted(runId, Duration.ofSeconds(60));

        assertThat(executedUnits(runId)).isEqualTo(16);
        assertThat(api.results(runId).path("metrics")).isEqualTo(uninterruptedMetrics());
    }

    @Test
    void anUnknownStrategyIs400() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("resume-bad")));
        Api.Response r = api.post("/api/experiments/" + experimentId + "/runs", "{\"strategy\":\"continue\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("strategy");
    }

    /** The units a run executed itself: one {@code beforeReplicate} trace line each. */
    private long executedUnits(String runId) {
        String log = api.get("/api/runs/" + runId + "/logs").body();
        return Arrays.stream(log.split("\n")).filter(l -> l.contains("hook=beforeReplicate")).count();
    }

    private JsonNode uninterruptedMetrics() {
        String referenceId = api.startRun(api.createExperiment(EXPERIMENT.formatted(unique("resume-ref"))), null);
        api.awaitCompleted(referenceId, Duration.ofSeconds(60));
        return api.results(referenceId).path("metrics");
    }
}
