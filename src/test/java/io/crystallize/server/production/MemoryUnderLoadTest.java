package io.crystallize.server.production;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documented limits at their maximum on a small heap: the real service in a child JVM with {@code -Xmx512m} runs
 * three runs at once whose units each draw the most values a unit may have (parallel, eight at a time, and one
 * writing them as JSON artifacts) while a client polls health. Health answers within 2 s throughout, and every run
 * ends COMPLETED, or with units that failed with a clear error: the node's memory budget makes units wait instead
 * of exhausting the heap.
 */
class MemoryUnderLoadTest {

    private static final long MAX_VALUES = 1_000_000;
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    @TempDir
    Path dir;

    private static Map<String, Object> definition(String name, List<Map<String, Object>> steps, int replicates,
                                                  List<Map<String, Object>> plugins) {
        return Map.of("name", name, "datasource", Map.of("type", "random.normal", "params", Map.of("n", MAX_VALUES)),
                "steps", steps, "replicates", replicates, "plugins", plugins);
    }

    @Test
    void theLimitsAtTheirMaximumDoNotTakeTheNodeDown() {
        TestDatabase.Connection db = TestDatabase.current() == TestDatabase.POSTGRES ? TestDatabase.POSTGRES.newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "");
        try (ServerProcess node = ServerProcess.start(dir, "small-heap", db,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))) {
            Api api = node.api();
            List<Map<String, Object>> parallel = List.of(Map.of("type", "parallel", "params", Map.of("maxWorkers", 8)));
            List<Map<String, Object>> compute = List.of(Map.of("type", "math.add", "params", Map.of("delta", 1.0)),
                    Map.of("type", "noise.gaussian"), Map.of("type", "stats.summary"));
            List<String> runs = new ArrayList<>();
            runs.add(api.startRun(api.createExperiment(definition("big-a", compute, 8, parallel)), (String) null));
            runs.add(api.startRun(api.createExperiment(definition("big-b", compute, 8, parallel)), (String) null));
            runs.add(api.startRun(api.createExperiment(definition("big-json",
                    List.of(Map.of("type", "artifact.json"), Map.of("type", "stats.summary")), 2, parallel)), (String) null));

            long[] slowest = {0};
            await("runs finished while health answers").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        long started = System.nanoTime();
                        assertThat(api.isHealthyWithin(Duration.ofSeconds(2))).as("health within 2 s").isTrue();
                        slowest[0] = Math.max(slowest[0], System.nanoTime() - started);
                        return runs.stream().allMatch(r -> FINISHED.contains(api.run(r).path("status").asString()));
                    });
            System.out.printf("Under -Xmx512m on %s: slowest health answer %d ms%n", TestDatabase.current(),
                    slowest[0] / 1_000_000);
            for (String runId : runs) {
                JsonNode run = api.run(runId);
                assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
                JsonNode errors = api.results(runId).path("errors");
                errors.forEach(e -> assertThat(e.path("message").asString()).as(e.toString()).isNotBlank()
                        .doesNotContain("OutOfMemoryError"));
                System.out.printf("  run %s: %s%n", runId, run.path("progress"));
            }
            assertThat(api.isHealthyWithin(Duration.ofSeconds(2))).isTrue();
        }
    }
}
