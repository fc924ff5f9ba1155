package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of one experiment started at the same moment: versioned runs get distinct versions (allocated under the
 * experiment's lock, unique in the database) and keep every artifact retention keeps; non-versioned runs, which all
 * write v0, take turns and none fails.
 */
class ConcurrentRunsTest extends E2eTest {

    private static Map<String, Object> definition(String name, Map<String, Object> artifacts) {
        return Map.of("name", unique(name),
                "datasource", Map.of("type", "random.normal", "params", Map.of("n", 20)),
                "steps", List.of(Map.of("type", "artifact.json"), Map.of("type", "stats.summary")),
                "replicates", 2,
                "plugins", List.of(Map.of("type", "artifacts", "params", artifacts)));
    }

    private List<String> startAtOnce(String experimentId, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                starts.add(() -> api.startRun(experimentId, (String) null));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(starts)) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twelveVersionedRunsGetDistinctVersionsAndKeepTheirArtifacts() throws Exception {
        String id = api.createExperiment(definition("versioned-race", Map.of("versioned", true, "artifactRetention", 0)));
        List<String> runs = startAtOnce(id, 12);
        List<Integer> versions = new ArrayList<>();
        for (String run : runs) {
            JsonNode view = api.awaitCompleted(run, Duration.ofSeconds(120));
            versions.add(view.path("version").asInt());
        }
        assertThat(versions).doesNotHaveDuplicates().hasSize(12);
        for (String run : runs) {
            JsonNode artifacts = api.get("/api/runs/" + run + "/artifacts").json();
            assertThat(artifacts.size()).isEqualTo(2);
            for (JsonNode a : artifacts) {
                assertThat(a.path("pruned").asBoolean()).isFalse();
                Api.Response download = api.get(a.path("downloadUrl").asString());
                assertThat(download.status()).as(download.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void twentyNonVersionedRunsTakeTurnsAndNoneFails() throws Exception {
        String id = api.createExperiment(definition("unversioned-race", Map.of()));
        List<String> runs = startAtOnce(id, 20);
        for (String run : runs) {
            JsonNode view = api.awaitCompleted(run, Duration.ofSeconds(180));
            assertThat(view.path("version").asInt()).isZero();
            assertThat(view.path("progress").path("failedUnits").asInt()).as(view.toString()).isZero();
        }
        // The last run to finish owns v0: its artifacts download, earlier runs' are superseded (410), none are 500.
        for (String run : runs) {
            for (JsonNode a : api.get("/api/runs/" + run + "/artifacts").json()) {
                assertThat(api.get(a.path("downloadUrl").asString()).status()).isIn(200, 410);
            }
        }
    }
}
