package io.crystallize.server.bench;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.SharedPostgres;
import io.crystallize.server.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * Check command (not a test: it takes minutes): the real service in a child JVM, killed with SIGKILL in the
 * middle of a run again and again, a new node started on the same database each time. At the end the run's
 * metrics and seeds must equal those of an uninterrupted run with the same seed, and every unit must be stored
 * exactly once. Prints one line per kill and the verdict; exits 1 when a check fails.
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.bench.KillBench -Dexec.args="h2 20"
 * </pre>
 * Arguments: {@code h2} or {@code postgres}; kills (default 20); replicates (default 3000, two conditions).
 */
public final class KillBench {

    private static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":20}},
             "steps":[{"type":"sleep","params":{"ms":2}},{"type":"math.add"},{"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":10.0}}],"replicates":%d,
             "plugins":[{"type":"seed","params":{"seed":42}}]}""";

    private KillBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        String db = args.length > 0 ? args[0] : "h2";
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int replicates = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        long units = replicates * 2L;
        Path dir = Files.createTempDirectory("crystallize-kill-");
        TestDatabase.Connection database = db.startsWith("postgres") ? SharedPostgres.instance().newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "sa", "");
        ServerProcess node = ServerProcess.start(dir, "node-0", database);
        boolean ok;
        try {
            Api api = node.api();
            String run = api.startRun(api.createExperiment(EXPERIMENT.formatted("killed", replicates)), null);
            System.out.printf("%s: %d units, SIGKILL %d times%n", db, units, kills);
            long step = Math.max(1, units / (kills + 2));
            int killed = 0;
            for (int k = 1; k <= kills; k++) {
                long target = Math.min(units - 1, k * step);
                Api current = api;
                JsonNode now = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                        .until(() -> current.run(run), r -> r.path("progress").path("completedUnits").asLong() >= target
                                || r.path("status").asString().equals("COMPLETED"));
                if (now.path("status").asString().equals("COMPLETED")) {
                    break;
                }
                // Anywhere in a batch, not just after one: a random pause before the kill.
                Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 150));
                await().pollDelay(pause).atMost(pause.plusSeconds(1)).until(() -> true);
                long stored = api.run(run).path("progress").path("completedUnits").asLong();
                node.kill();
                killed++;
                long stopped = System.nanoTime();
                node = ServerProcess.start(dir, "node-" + k, database);
                api = node.api();
                Api next = api;
                String name = node.name();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> next.run(run), r -> name.equals(r.path("node").asString())
                                || r.path("status").asString().equals("COMPLETED"));
                System.out.printf("kill %2d at %5d stored units; continued on %s %5d ms after the kill%n", k, stored,
                        name, Duration.ofNanos(System.nanoTime() - stopped).toMillis());
            }
            JsonNode done = api.awaitCompleted(run, Duration.ofMinutes(10));
            String reference = api.startRun(api.createExperiment(EXPERIMENT.formatted("reference", replicates)), null);
            api.awaitCompleted(reference, Duration.ofMinutes(10));
            long completed = done.path("progress").path("completedUnits").asLong();
            int listed = api.get("/api/runs/" + run + "/units").json().size();
            boolean metrics = api.results(run).path("metrics").equals(api.results(reference).path("metrics"));
            boolean seeds = api.get("/api/runs/" + run + "/seeds").json().equals(api.get("/api/runs/" + reference + "/seeds").json());
            ok = completed == units && listed == units && metrics && seeds;
            System.out.printf("%s after %d kills: %s; %d units counted, %d stored (of %d); metrics %s, seeds %s the "
                            + "uninterrupted run's: %s%n", db, killed, done.path("status").asString(), completed, listed, units,
                    metrics ? "equal to" : "DIFFERENT from", seeds ? "equal to" : "DIFFERENT from", ok ? "PASS" : "FAIL");
        } finally {
            node.close();
        }
        System.exit(ok ? 0 : 1);
    }
}
