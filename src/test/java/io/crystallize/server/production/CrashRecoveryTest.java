package io.crystallize.server.production;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart loses nothing (SPEC §8): the real service runs in a child JVM on the suite's database (an H2 file, or
 * the embedded PostgreSQL through the {@code postgres} profile) and is killed with SIGKILL, stopped with SIGTERM
 * and killed again in the middle of a run. Each time a new node starts on the same database, the run continues
 * where it stopped, a run queued behind it starts, and the final metrics equal those of an uninterrupted run with
 * the same seed, with every unit counted once.
 */
class CrashRecoveryTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":20}},
             "steps":[{"type":"sleep","params":{"ms":150}},{"type":"math.add"},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":10.0}}],"replicates":12,
             "plugins":[{"type":"seed","params":{"seed":42}}]}""";
    static final String SMALL = """
            {"name":"queued-1","datasource":{"type":"range","params":{"end":5}},"steps":[{"type":"stats.summary"}],
             "replicates":2,"plugins":[{"type":"seed","params":{"seed":7}}]}""";
    /** One run at a time per node, so a second run stays QUEUED while the first executes. */
    static final String[] NODE_ARGS = {"--db-scheduler.threads=1"};

    enum Stop { KILL, TERM }

    @TempDir
    Path dir;

    @Test
    void aRunSurvivesKillsAndRestartsWithTheMetricsOfAnUninterruptedRun() throws Exception {
        TestDatabase.Connection db = database();
        ServerProcess node = ServerProcess.start(dir, "node-1", db, NODE_ARGS);
        List<String> recoveries = new ArrayList<>();
        try {
            Api api = node.api();
            String runId = api.startRun(api.createExperiment(EXPERIMENT.formatted("crash-1")), null);
            String queuedId = api.startRun(api.createExperiment(SMALL), null);
            int[] killAt = {4, 10, 16};
            Stop[] how = {Stop.KILL, Stop.TERM, Stop.KILL};
            for (int cycle = 0; cycle < killAt.length; cycle++) {
                awaitCompletedUnits(api, runId, killAt[cycle]);
                if (cycle == 0) {
                    assertThat(api.run(queuedId).path("status").asString()).isEqualTo("QUEUED");
                }
                long stoppedAt = System.nanoTime();
                if (how[cycle] == Stop.KILL) {
                    node.kill();
                } else {
                    Duration shutdown = node.terminate(Duration.ofSeconds(60));
                    recoveries.add("SIGTERM shutdown took " + shutdown.toMillis() + " ms");
                    assertThat(shutdown).as("graceful shutdown hands the run back at once").isLessThan(Duration.ofSeconds(15));
                    assertThat(picked(db, runId)).as("the run's task is handed back, not left picked").isFalse();
                }
                node = ServerProcess.start(dir, "node-" + (cycle + 2), db, NODE_ARGS);
                api = node.api();
                String name = node.name();
                Api current = api;
                await("run continues on " + name).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> current.run(runId), r -> name.equals(r.path("node").asString())
                                || r.path("status").asString().equals("COMPLETED"));
                recoveries.add(how[cycle] + " at " + killAt[cycle] + " units: continued "
                        + Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis() + " ms after the stop (new node booted in "
                        + node.bootTime().toMillis() + " ms)");
            }
            JsonNode finished = api.awaitCompleted(runId, Duration.ofSeconds(60));
            api.awaitCompleted(queuedId, Duration.ofSeconds(30));
            assertThat(finished.path("progress").path("completedUnits").asLong()).isEqualTo(24);
            assertThat(finished.path("progress").path("totalUnits").asLong()).isEqualTo(24);

            String referenceId = api.startRun(api.createExperiment(EXPERIMENT.formatted("crash-reference")), null);
            api.awaitCompleted(referenceId, Duration.ofSeconds(60));
            JsonNode metrics = api.results(runId).path("metrics");
            for (String condition : List.of("baseline", "boost")) {
                metrics.path(condition).properties().forEach(m ->
                        assertThat(m.getValue().size()).as("one %s per replicate of %s", m.getKey(), condition).isEqualTo(12));
            }
            assertThat(metrics).isEqualTo(api.results(referenceId).path("metrics"));
            assertThat(api.get("/api/runs/" + runId + "/seeds").json())
                    .isEqualTo(api.get("/api/runs/" + referenceId + "/seeds").json());
        } finally {
            node.close();
            System.out.println("Recovery on " + TestDatabase.current() + ":\n  " + String.join("\n  ", recoveries));
        }
    }

    private TestDatabase.Connection database() {
        return TestDatabase.current() == TestDatabase.POSTGRES
                ? TestDatabase.POSTGRES.newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "sa", "");
    }

    private static void awaitCompletedUnits(Api api, String runId, int atLeast) {
        await("run " + runId + " has " + atLeast + " units").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.run(runId).path("progress").path("completedUnits").asInt() >= atLeast);
    }

    /** Whether db-scheduler's execution of the run is held by a node (read while no node runs, for H2's sake). */
    private static boolean picked(TestDatabase.Connection db, String runId) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("select picked from scheduled_tasks where task_instance = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the run's task is still scheduled").isTrue();
                return rs.getBoolean(1);
            }
        }
    }
}
