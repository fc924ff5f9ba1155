package io.crystallize.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bench command (not a test): reads of a finished 10,000-replicate run of the API.md example under 32 concurrent
 * connections — {@code GET /actuator/health/liveness} as the baseline, {@code GET /api/runs/{id}},
 * {@code GET /api/runs/{id}/results} (gzip accepted, as browsers and most clients do; and uncompressed), and both
 * revalidated with {@code If-None-Match} — requests/s, p99, and the ratio to the baseline.
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.bench.ReadBench -Dexec.args="h2 10000 10"
 * </pre>
 * Arguments: {@code h2} or {@code postgres}; replicates; seconds per endpoint; optionally a regular expression:
 * only the endpoints whose names it finds are loaded (the baseline always is), e.g. {@code "runs/\{id\}$"} to
 * profile one of them.
 */
public final class ReadBench {

    private static final int CONNECTIONS = 32;

    private ReadBench() {
    }

    private record Figures(double perSecond, double p99Millis, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        String db = args.length > 0 ? args[0] : "h2";
        int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Duration each = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 3 ? args[3] : "");
        try (BenchServer server = BenchServer.start(db, "server.jetty.threads.max=64",
                "management.endpoint.health.probes.enabled=true")) {
            String experiment = server.api.createExperiment(
                    BenchDefinitions.example("reads-" + UUID.randomUUID(), replicates, false));
            String run = server.api.startRun(experiment, (Object) null);
            server.api.awaitCompleted(run, Duration.ofMinutes(10));
            URI base = URI.create("http://localhost:" + server.context.getEnvironment().getProperty("local.server.port"));
            String runEtag = server.api.get("/api/runs/" + run).header("ETag");
            String resultsEtag = server.api.get("/api/runs/" + run + "/results").header("ETag");
            Map<String, HttpRequest> requests = new java.util.LinkedHashMap<>();
            requests.put("liveness (baseline)", get(base, "/actuator/health/liveness", Map.of()));
            requests.put("GET /api/runs/{id}", get(base, "/api/runs/" + run, Map.of()));
            requests.put("GET /results (gzip)", get(base, "/api/runs/" + run + "/results", Map.of("Accept-Encoding", "gzip")));
            requests.put("GET /results (identity)", get(base, "/api/runs/" + run + "/results", Map.of()));
            requests.put("GET /api/runs/{id} 304", get(base, "/api/runs/" + run, Map.of("If-None-Match", runEtag)));
            requests.put("GET /results 304", get(base, "/api/runs/" + run + "/results", Map.of("If-None-Match", resultsEtag)));
            System.out.printf("%s, Java %s, %d cores, %d connections, %d replicates, %d s per endpoint%n", db,
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), CONNECTIONS, replicates, each.toSeconds());
            System.out.printf("%-26s %10s %10s %12s %12s%n", "endpoint", "req/s", "p99 ms", "bytes/answer", "vs liveness");
            load(requests.values().iterator().next(), Duration.ofSeconds(3)); // warm-up
            double baseline = 0;
            for (var e : requests.entrySet()) {
                if (baseline != 0 && !only.matcher(e.getKey()).find()) {
                    continue;
                }
                Figures f = load(e.getValue(), each);
                baseline = baseline == 0 ? f.perSecond() : baseline;
                System.out.printf("%-26s %10.0f %10.1f %12d %11.2fx%n", e.getKey(), f.perSecond(), f.p99Millis(), f.bytes(),
                        f.perSecond() / baseline);
            }
        }
    }

    private static HttpRequest get(URI base, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(60));
        if (path.startsWith("/api/")) {
            b.header("Authorization", "Bearer " + io.crystallize.server.support.Api.ADMIN_TOKEN);
        }
        headers.forEach(b::header);
        return b.build();
    }

    /** {@value #CONNECTIONS} clients, each on its own HTTP/1.1 connection, sending one request after another. */
    private static Figures load(HttpRequest request, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1 << 16];
                int n = 0;
                long bytes = 0;
                while (System.nanoTime() < end && n < latencies.length - 1) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200 && r.statusCode() != 304) {
                        throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
                    }
                    latencies[n++] = System.nanoTime() - start;
                    bytes = r.body().length;
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[n] = bytes;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long bytes = 0;
        for (Future<long[]> w : workers) {
            long[] l = w.get();
            for (int i = 0; i < l.length - 1; i++) {
                all.add(l[i]);
            }
            bytes = l[l.length - 1];
        }
        pool.shutdown();
        all.sort(Long::compare);
        double p99 = all.isEmpty() ? 0 : all.get((int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1)) / 1e6;
        return new Figures(all.size() / (duration.toNanos() / 1e9), p99, bytes);
    }
}
