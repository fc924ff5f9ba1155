package io.crystallize.server.distributed;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.SharedPostgres;
import io.crystallize.server.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bench command (not a test): throughput of a distributed run of the API.md example (more replicates, a
 * {@code sleep} step so units take real time) on one node, then on two nodes sharing one PostgreSQL, as a
 * ratio against the one-node figure measured in the same command.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.distributed.ClusterBench [-Dexec.args="64 50 3"]
 * </pre>
 * Arguments: replicates, sleep per unit in ms, repetitions (the median is reported).
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int sleepMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        nodeClasspathFromThisClassLoader();
        Path dir = Files.createTempDirectory("cluster-bench");
        TestDatabase.Connection db = SharedPostgres.instance().newDatabase();
        try (ServerProcess first = ServerProcess.start(dir, "node-1", db)) {
            Api api = first.api();
            double one = median(api, replicates, sleepMs, repetitions);
            try (ServerProcess second = ServerProcess.start(dir, "node-2", db)) {
                double two = median(api, replicates, sleepMs, repetitions);
                System.out.printf("%d replicates x 2 conditions, sleep %d ms per unit, distributed(unitsPerTask=4), "
                        + "median of %d runs, PostgreSQL%n", replicates, sleepMs, repetitions);
                System.out.printf("%-10s %10s %10s%n", "nodes", "units/s", "vs 1 node");
                System.out.printf("%-10s %10.1f %9.2fx%n", "1", one, 1.0);
                System.out.printf("%-10s %10.1f %9.2fx%n", "2", two, two / one);
            }
        }
        System.exit(0);
    }

    /** Under exec:java the project's classpath is the context class loader's, not java.class.path. */
    private static void nodeClasspathFromThisClassLoader() throws Exception {
        if (System.getProperty("surefire.test.class.path") == null
                && Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            System.setProperty("surefire.test.class.path", String.join(File.pathSeparator, entries));
        }
    }

    private static double median(Api api, int replicates, int sleepMs, int repetitions) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i <= repetitions; i++) {
            double rate = unitsPerSecond(api, replicates, sleepMs);
            if (i > 0) { // the first run warms up
                rates.add(rate);
            }
        }
        rates.sort(Double::compare);
        return rates.get(rates.size() / 2);
    }

    private static double unitsPerSecond(Api api, int replicates, int sleepMs) {
        String definition = """
                {"name": "bench-%s",
                 "datasource": {"type": "random.normal", "params": {"n": 50}},
                 "steps": [{"type": "sleep", "params": {"ms": %d}}, {"type": "math.add"}, {"type": "stats.summary"}],
                 "treatments": [{"name": "boost", "context": {"delta": 10.0}}],
                 "replicates": %d,
                 "plugins": [{"type": "seed", "params": {"seed": 42}},
                             {"type": "distributed", "params": {"unitsPerTask": 4}}]}
                """.formatted(UUID.randomUUID(), sleepMs, replicates);
        JsonNode run = api.awaitCompleted(api.startRun(api.createExperiment(definition), null), Duration.ofMinutes(5));
        Duration took = Duration.between(Instant.parse(run.path("startedAt").asString()),
                Instant.parse(run.path("finishedAt").asString()));
        return run.path("progress").path("completedUnits").asDouble() / (took.toNanos() / 1e9);
    }
}
