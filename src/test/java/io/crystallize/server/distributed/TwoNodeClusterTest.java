package io.crystallize.server.distributed;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.SharedPostgres;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes as child JVMs sharing one real PostgreSQL (SPEC §4, issue 6): a distributed run spreads over
 * both; one node is killed with SIGKILL mid-run; the survivor picks up its unit groups after the missed
 * heartbeats and completes the run with every unit stored once and the metrics of a serial run.
 * Runs in the PostgreSQL pass of the suite: nodes of a cluster need a database server they share.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "postgres")
class TwoNodeClusterTest {

    /** A {@code sleep} only makes units take time: it passes data through and draws nothing. */
    private static String experiment(String name, int sleepMs, String executionPlugin) {
        return """
                {"name": "%s",
                 "datasource": {"type": "random.normal", "params": {"n": 50}},
                 "steps": [{"type": "sleep", "params": {"ms": %d}}, {"type": "math.add"}, {"type": "stats.summary"}],
                 "treatments": [{"name": "boost", "context": {"delta": 10.0}}],
                 "hypotheses": [{"name": "h", "verifier": {"type": "welch_t_test"}, "metrics": "mean"}],
                 "replicates": 24,
                 "plugins": [{"type": "seed", "params": {"seed": 42}}, %s]}
                """.formatted(name, sleepMs, executionPlugin);
    }

    @Test
    void aRunSurvivesTheDeathOfANodeWithEveryUnitStoredOnce(@TempDir Path dir) throws Exception {
        TestDatabase.Connection db = SharedPostgres.instance().newDatabase();
        // Two scheduler threads per node: a node takes at most a few groups at a time, so both get work.
        CompletableFuture<ServerProcess> startingB = CompletableFuture.supplyAsync(() ->
                ServerProcess.start(dir, "node-b", db, "--db-scheduler.threads=2"));
        try (ServerProcess a = ServerProcess.start(dir, "node-a", db, "--db-scheduler.threads=2");
             ServerProcess b = startingB.join()) {
            Api apiA = a.api();
            Api apiB = b.api();
            String runId = apiA.startRun(apiA.createExperiment(experiment("cluster", 300,
                    "{\"type\": \"distributed\", \"params\": {\"unitsPerTask\": 2}}")), null);

            // Both nodes take unit groups; once each has stored units, node A dies.
            await("both nodes executing").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> nodes(apiB, runId).containsAll(Set.of("node-a", "node-b")));
            a.kill();

            JsonNode run = apiB.awaitCompleted(runId, Duration.ofSeconds(90));
            assertThat(run.path("progress").path("completedUnits").asInt()).isEqualTo(48);
            JsonNode units = apiB.get("/api/runs/" + runId + "/units").json();
            Set<String> keys = new HashSet<>();
            units.forEach(u -> keys.add(u.path("replicate").asInt() + "/" + u.path("condition").asString()));
            assertThat(units).hasSize(48);
            assertThat(keys).hasSize(48);

            String serialId = apiB.startRun(apiB.createExperiment(experiment("reference", 0, "{\"type\": \"serial\"}")), null);
            apiB.awaitCompleted(serialId, Duration.ofSeconds(90));
            JsonNode distributed = apiB.results(runId);
            JsonNode serial = apiB.results(serialId);
            assertThat(distributed.path("metrics")).isEqualTo(serial.path("metrics"));
            assertThat(distributed.path("hypotheses").get(0).path("results"))
                    .isEqualTo(serial.path("hypotheses").get(0).path("results"));
        }
    }

    private static Set<String> nodes(Api api, String runId) {
        Set<String> nodes = new HashSet<>();
        api.get("/api/runs/" + runId + "/units").json().forEach(u -> nodes.add(u.path("node").asString()));
        return nodes;
    }
}
