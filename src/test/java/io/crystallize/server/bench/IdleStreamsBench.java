package io.crystallize.server.bench;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.EventStream;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * What idle event streams cost the server: the service runs in a child JVM (so the client's connections are not
 * counted), {@code jcmd <pid> GC.class_histogram} (a full GC, then the live objects by class) is taken with no
 * stream open — the baseline, after a warm-up that opened and closed a few — and again with N idle streams on a
 * RUNNING run. Prints the live heap per stream, the classes that grew most, and the server's threads.
 *
 * <pre>./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.bench.IdleStreamsBench -Dexec.args="200"</pre>
 */
public final class IdleStreamsBench {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    private IdleStreamsBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        useTestClassPath();
        Path dir = Files.createTempDirectory("crystallize-streams-bench-");
        TestDatabase.Connection db = new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db")
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        try (ServerProcess node = ServerProcess.start(dir, "bench", db,
                "--crystallize.events.max-streams-per-user=" + (n + 10))) {
            Api api = node.api();
            String experiment = api.createExperiment(Map.of("name", "idle-streams",
                    "datasource", Map.of("type", "range", "params", Map.of("end", 5)),
                    "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 600_000))),
                    "replicates", 1, "plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7)))));
            String run = api.startRun(experiment, null);
            await().atMost(Duration.ofMinutes(2)).until(() -> api.run(run).path("status").asString().equals("RUNNING"));
            String path = "/api/runs/" + run + "/events";

            List<EventStream> warmUp = open(api, path, 10);
            await().atMost(Duration.ofMinutes(1)).until(() -> streams(api) == 10);
            warmUp.forEach(EventStream::close);
            await().atMost(Duration.ofMinutes(1)).until(() -> streams(api) == 0);
            Histogram before = histogram(node.pid());
            double threadsBefore = gauge(api, "jvm_threads_live_threads");

            List<EventStream> idle = open(api, path, n);
            await().atMost(Duration.ofMinutes(2)).until(() -> streams(api) == n);
            Histogram after = histogram(node.pid());
            double threadsAfter = gauge(api, "jvm_threads_live_threads");

            long delta = after.total - before.total;
            System.out.printf("baseline (no stream open): live heap %.1f MB, %d threads%n", before.total / 1e6, (int) threadsBefore);
            System.out.printf("%d idle streams: live heap %.1f MB (%+.2f MB), %d threads (%+d)%n", n, after.total / 1e6,
                    delta / 1e6, (int) threadsAfter, (int) (threadsAfter - threadsBefore));
            System.out.printf("per idle stream: %.1f KB of heap, %.2f threads%n", delta / 1e3 / n,
                    (threadsAfter - threadsBefore) / n);
            System.out.println("classes that grew most (bytes per stream, instances per stream):");
            after.bytes.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytes.getOrDefault(e.getKey(), 0L)))
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
                    .forEach(e -> System.out.printf("  %8.0f B  %6.1f  %s%n", (double) e.getValue() / n,
                            (double) (after.count.getOrDefault(e.getKey(), 0L) - before.count.getOrDefault(e.getKey(), 0L)) / n,
                            e.getKey()));
            System.out.println("growth per stream by whose classes (arrays cannot be attributed from a histogram):");
            Map<String, Long> byOwner = new java.util.TreeMap<>();
            after.bytes.forEach((cls, b) -> byOwner.merge(owner(cls), b - before.bytes.getOrDefault(cls, 0L), Long::sum));
            byOwner.forEach((who, b) -> System.out.printf("  %8.0f B  %s%n", (double) b / n, who));
            idle.forEach(EventStream::close);
            api.post("/api/runs/" + run + "/cancel", null);
        }
    }

    /** Under exec:java the test classpath is the context class loader's, not java.class.path: the child needs it. */
    private static void useTestClassPath() throws Exception {
        if (System.getProperty("surefire.test.class.path") == null
                && Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            System.setProperty("surefire.test.class.path", String.join(File.pathSeparator, entries));
        }
    }

    private static String owner(String cls) {
        if (cls.startsWith("[")) {
            return "arrays (byte[] and char[]: the HTTP server's I/O buffers among them)";
        }
        for (String prefix : List.of("org.apache.", "org.springframework.", "io.crystallize.", "io.micrometer.",
                "java.", "jdk.", "sun.")) {
            if (cls.startsWith(prefix)) {
                return prefix + "*";
            }
        }
        return "other";
    }

    private static List<EventStream> open(Api api, String path, int n) {
        List<EventStream> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EventStream s = api.stream(path, Map.of());
            if (s.status() != 200) {
                throw new IllegalStateException("stream " + i + " answered " + s.status() + ": " + s.body());
            }
            out.add(s);
        }
        return out;
    }

    private static double streams(Api api) {
        return gauge(api, "crystallize_events_streams");
    }

    private static double gauge(Api api, String name) {
        for (String line : api.get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("no meter " + name);
    }

    /** Live objects by class after a full GC (jcmd forces one before it counts). */
    private record Histogram(long total, Map<String, Long> bytes, Map<String, Long> count) {
    }

    private static Histogram histogram(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        long total = -1;
        for (String line : out.split("\n")) {
            Matcher row = ROW.matcher(line);
            Matcher t = TOTAL.matcher(line);
            if (row.find()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
                count.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
            } else if (t.find()) {
                total = Long.parseLong(t.group(2));
            }
        }
        if (total < 0) {
            throw new IllegalStateException("no total in the histogram:\n" + out);
        }
        return new Histogram(total, bytes, count);
    }
}
