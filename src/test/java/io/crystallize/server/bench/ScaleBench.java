package io.crystallize.server.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Bench command (not a test): time per unit end to end at a small and a large run of the API.md example (two
 * conditions: {@code replicates × 2} units), meant to run in a small heap, and whether the large run stored each of
 * its units exactly once.
 * <pre>
 * ./mvnw -B -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-Xmx512m -cp %classpath io.crystallize.server.bench.ScaleBench h2 5000 500000"
 * </pre>
 * Arguments: {@code h2} or {@code postgres}; the small run's replicates; the large run's replicates.
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    public static void main(String[] args) {
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        String db = args.length > 0 ? args[0] : "h2";
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int large = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        try (BenchServer server = BenchServer.start(db)) {
            EndToEndBench.endToEnd(server.api, 5_000, false); // warm-up
            System.out.printf("%s, Java %s, %d cores, max heap %d MB%n", db, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            double smallRate = EndToEndBench.endToEnd(server.api, small, false);
            long start = System.nanoTime();
            String experiment = server.api.createExperiment(BenchDefinitions.example("scale-" + UUID.randomUUID(), large, false));
            String run = server.api.startRun(experiment, (Object) null);
            JsonNode done = server.api.awaitCompleted(run, Duration.ofMinutes(60));
            double seconds = (System.nanoTime() - start) / 1e9;
            double largeRate = large * 2 / seconds;
            JdbcTemplate jdbc = server.context.getBean(JdbcTemplate.class);
            java.util.Set<String> keys = new java.util.HashSet<>();
            long[] units = {0};
            jdbc.query("select data from run_unit_batch where run_id = ?", rs -> {
                io.crystallize.server.run.internal.UnitBatch.decode(rs.getBytes(1), false, u -> {
                    units[0]++;
                    keys.add(u.replicate() + "/" + u.condition());
                });
            }, UUID.fromString(run));
            Map<String, Object> stored = Map.of("units", units[0], "distinct_units", (long) keys.size());
            // The results document of the large run, as a client that accepts gzip reads it (the bytes discarded).
            long read = System.nanoTime();
            java.net.http.HttpResponse<Void> results;
            try {
                results = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + server.context.getEnvironment().getProperty("local.server.port")
                                + "/api/runs/" + run + "/results")).header("Accept-Encoding", "gzip")
                        .header("Authorization", "Bearer " + io.crystallize.server.support.Api.ADMIN_TOKEN).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.printf("GET /results of the large run: %d, %s bytes (gzip), %.2f s%n", results.statusCode(),
                    results.headers().firstValue("Content-Length").orElse("?"), (System.nanoTime() - read) / 1e9);
            System.out.printf("%-10s %12s %14s%n", "units", "units/s", "µs per unit");
            System.out.printf("%-10d %12.0f %14.2f%n", small * 2, smallRate, 1e6 / smallRate);
            System.out.printf("%-10d %12.0f %14.2f   %s; stored %s rows, %s distinct units; per unit %.2fx the small run%n",
                    large * 2, largeRate, 1e6 / largeRate, done.path("status").asString(), stored.get("units"),
                    stored.get("distinct_units"), smallRate / largeRate);
        }
    }
}
