package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: a resume with nothing left to run creates no version, calls no hook and answers with the kept
 * results; every artifact of the kept units still downloads with the same bytes. Reproduces issue 16, where
 * such a resume made version 1 and retention 1 pruned version 0 (downloads 410).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResumeNothingLeftTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"range","params":{"end":5}},
             "steps":[{"type":"math.add"},{"type":"artifact.json"},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":3.0}},{"name":"more","context":{"delta":5.0}}],
             "hypotheses":[{"name":"h","verifier":{"type":"welch_t_test"},"metrics":"mean"}],
             "replicates":3,
             "plugins":[{"type":"seed","params":{"seed":11}},{"type":"trace"},
                        {"type":"artifacts","params":{"versioned":true,"artifactRetention":1}}]}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aResumeWithNothingLeftKeepsTheVersionRunsNoHookAndEveryArtifactStillDownloads() throws Exception {
        String experimentId = api.createExperiment(EXPERIMENT.formatted("nothing-left-" + UUID.randomUUID().toString().substring(0, 8)));
        String firstId = api.startRun(experimentId, null);
        api.awaitCompleted(firstId, Duration.ofSeconds(60));
        assertThat(api.get("/api/runs/" + firstId + "/logs").body()).as("the trace plugin logs hooks").contains("hook=");
        Map<String, String> sha = downloads(firstId);
        assertThat(sha).hasSize(9);

        String resumedId = api.startRun(experimentId, "{\"strategy\":\"resume\"}");
        JsonNode resumed = api.awaitCompleted(resumedId, Duration.ofSeconds(30));
        String again = api.startRun(experimentId, "{\"strategy\":\"resume\"}");
        JsonNode repeated = api.awaitCompleted(again, Duration.ofSeconds(30));
        String subset = api.startRun(experimentId, "{\"strategy\":\"resume\",\"treatments\":[\"more\"]}");
        JsonNode subsetRun = api.awaitCompleted(subset, Duration.ofSeconds(30));

        for (JsonNode run : new JsonNode[] {resumed, repeated, subsetRun}) {
            assertThat(run.path("version").asInt()).as("no new version").isZero();
            String log = api.get("/api/runs/" + run.path("id").asString() + "/logs").body();
            assertThat(log).doesNotContain("hook=").contains("nothing left to run");
        }
        assertThat(api.results(resumedId).path("metrics")).isEqualTo(api.results(firstId).path("metrics"));
        assertThat(api.results(resumedId).path("hypotheses")).isEqualTo(api.results(firstId).path("hypotheses"));
        assertThat(api.results(subset).path("metrics").has("boost")).isFalse();
        assertThat(api.results(subset).path("hypotheses").get(0).path("results").has("more")).isTrue();
        assertThat(downloads(firstId)).as("the first run's artifacts are intact").isEqualTo(sha);
        assertThat(downloads(again)).as("and listed with the resumed run").isEqualTo(sha);
        assertThat(downloads(subset)).hasSize(6);
    }

    @Test
    void aRankerKeyNoVerifierOutputHasIsA400NamingTheField() {
        String definition = EXPERIMENT.formatted("bad-ranker").replace("\"metrics\":\"mean\"",
                "\"metrics\":\"mean\",\"ranker\":\"nonexistent\"");
        Api.Response r = api.post("/api/experiments", definition);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("hypotheses[0].ranker");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("nonexistent");
        assertThat(api.get("/api/experiments?name=bad-ranker").json().path("totalElements").asInt()).isZero();
    }

    /** Artifact "replicate/condition/name" → SHA-256 of the downloaded bytes; every download must be 200. */
    private Map<String, String> downloads(String runId) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode a : api.get("/api/runs/" + runId + "/artifacts").json()) {
            Api.Response content = api.get(a.path("downloadUrl").asString());
            assertThat(content.status()).as(a.toString()).isEqualTo(200);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(digest).isEqualTo(a.path("sha256").asString());
            out.put(a.path("replicate").asInt() + "/" + a.path("condition").asString() + "/" + a.path("name").asString(), digest);
        }
        return out;
    }
}
