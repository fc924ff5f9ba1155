package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DELETE of runs and experiments (API.md "Cheap polling, deletion, search"): rows and files gone, 409 while active. */
class DeletionTest extends E2eTest {

    @Value("${crystallize.artifacts.root-dir}")
    Path artifactRoot;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> withArtifacts(String name) {
        Map<String, Object> d = Definitions.minimal(name);
        d.put("steps", List.of(Map.of("type", "math.add"), Map.of("type", "artifact.json"), Map.of("type", "stats.summary")));
        d.put("hypotheses", List.of(Map.of("name", "h", "verifier", Map.of("type", "welch_t_test"), "metrics", "mean")));
        return d;
    }

    private static Map<String, Object> slow(String name) {
        Map<String, Object> d = Definitions.minimal(name);
        d.put("steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 200)), Map.of("type", "stats.summary")));
        d.put("replicates", 50);
        return d;
    }

    private List<Path> files(String experimentName) throws IOException {
        Path folder = artifactRoot.resolve(experimentName);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private int rows(String table, String runId) {
        return jdbc.queryForObject("select count(*) from " + table + " where run_id = cast(? as uuid)", Integer.class, runId);
    }

    @Test
    void deletingAFinishedRunRemovesItsRowsArtifactRecordsAndFiles() throws IOException {
        String name = unique("delete-run");
        String experimentId = api.createExperiment(withArtifacts(name));
        String runId = api.startRun(experimentId, (String) null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        JsonNode artifacts = api.get("/api/runs/" + runId + "/artifacts").json();
        assertThat(artifacts.size()).isEqualTo(4);
        String download = artifacts.get(0).get("downloadUrl").asString();
        assertThat(api.get(download).status()).isEqualTo(200);
        assertThat(files(name)).hasSizeGreaterThan(4); // artifacts plus metadata, results, markers, manifest
        for (String table : List.of("run_unit_batch", "run_log", "run_hypothesis", "artifact")) {
            assertThat(rows(table, runId)).as(table).isPositive();
        }

        Api.Response deleted = api.delete("/api/runs/" + runId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        for (String path : List.of("", "/results", "/seeds", "/logs", "/artifacts", "/units")) {
            assertThat(api.get("/api/runs/" + runId + path).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get(download).status()).isEqualTo(404);
        for (String table : List.of("run_unit_batch", "run_log", "run_hypothesis", "artifact", "run_unit_task")) {
            assertThat(rows(table, runId)).as(table).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(name)).isEmpty());
        assertThat(api.delete("/api/runs/" + runId).status()).isEqualTo(404);
        assertThat(api.get("/api/experiments/" + experimentId).status()).isEqualTo(200);
    }

    @Test
    void anActiveRunCannotBeDeletedNorItsExperimentAndOnceFinishedBothGoAndTheNameIsFreeAgain() throws IOException {
        String name = unique("delete-experiment");
        String experimentId = api.createExperiment(slow(name));
        String finished = api.startRun(experimentId, Map.of("replicates", 1));
        api.awaitCompleted(finished, Duration.ofSeconds(60));
        String active = api.startRun(experimentId, (String) null);

        Api.Response runConflict = api.delete("/api/runs/" + active);
        Api.Response experimentConflict = api.delete("/api/experiments/" + experimentId);

        assertThat(runConflict.status()).as(runConflict.body()).isEqualTo(409);
        assertThat(runConflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(runConflict.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(experimentConflict.status()).as(experimentConflict.body()).isEqualTo(409);
        assertThat(experimentConflict.json().get("detail").asString()).contains(active);
        assertThat(api.get("/api/runs/" + finished).status()).as("nothing deleted by a refused request").isEqualTo(200);

        assertThat(api.post("/api/runs/" + active + "/cancel", null).status()).isEqualTo(202);
        api.awaitFinished(active);
        Api.Response deleted = api.delete("/api/experiments/" + experimentId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/experiments/" + experimentId).status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + finished).status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + active).status()).isEqualTo(404);
        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().get("totalElements").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(name)).isEmpty());
        assertThat(api.post("/api/experiments", slow(name)).status()).as("the name can be used again").isEqualTo(201);
        assertThat(api.delete("/api/experiments/" + experimentId).status()).isEqualTo(404);
    }

    @Test
    void deletingAnOlderNonVersionedRunKeepsTheFilesOfTheNewerOne() throws IOException {
        String name = unique("delete-older");
        String experimentId = api.createExperiment(withArtifacts(name));
        String older = api.startRun(experimentId, (String) null);
        api.awaitCompleted(older, Duration.ofSeconds(60));
        String newer = api.startRun(experimentId, (String) null);
        api.awaitCompleted(newer, Duration.ofSeconds(60));
        List<Path> before = files(name);

        assertThat(api.delete("/api/runs/" + older).status()).isEqualTo(204);

        assertThat(files(name)).containsExactlyInAnyOrderElementsOf(before);
        JsonNode artifact = api.get("/api/runs/" + newer + "/artifacts").json().get(0);
        assertThat(api.get(artifact.get("downloadUrl").asString()).status()).isEqualTo(200);
    }
}
