package io.crystallize.server.production;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while a unit runs longer than {@code db-scheduler.shutdown-max-wait}: the unit is interrupted and the run is
 * handed back while the database is still open, so its log says so and the next node completes it.
 */
class ShutdownHandBackTest {

    @TempDir
    Path dir;

    @Test
    void aRunInterruptedBySigtermIsLoggedAndHandedBack() {
        TestDatabase.Connection db = TestDatabase.current() == TestDatabase.POSTGRES ? TestDatabase.POSTGRES.newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "");
        String runId;
        try (ServerProcess node = ServerProcess.start(dir, "node-1", db, "--db-scheduler.shutdown-max-wait=1s")) {
            Api api = node.api();
            String id = api.createExperiment(Map.of("name", "long-unit",
                    "datasource", Map.of("type", "range", "params", Map.of("end", 3)),
                    "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 20_000)), Map.of("type", "stats.summary")),
                    "replicates", 1));
            runId = api.startRun(id, (String) null);
            await("running").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> api.run(runId).path("status").asString().equals("RUNNING"));
            node.terminate(Duration.ofSeconds(60));
        }
        try (ServerProcess node = ServerProcess.start(dir, "node-2", db)) {
            Api api = node.api();
            String log = api.get("/api/runs/" + runId + "/logs").body();
            assertThat(log).contains("Run interrupted on node node-1");
            assertThat(api.awaitCompleted(runId, Duration.ofSeconds(90)).path("progress").path("completedUnits").asInt())
                    .isEqualTo(1);
        }
    }
}
