package io.crystallize.server.bench;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.DatasourceInvocation;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.Hypothesis;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.Treatment;
import io.crystallize.server.execution.internal.ParallelExecution;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bench command (not a test): units per second of the API.md example end to end — POST of the run over real
 * HTTP until GET shows it COMPLETED, on the given database — next to the engine alone in the same JVM (the
 * same experiment without HTTP, database or artifacts), serial and parallel(2).
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.bench.EndToEndBench -Dexec.args="h2 10000,100000"
 * </pre>
 * Arguments: {@code h2} or {@code postgres}; replicate counts (comma separated); repetitions (default 1).
 */
public final class EndToEndBench {

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        // Idle connections are dropped by the client before the server closes them (no stale keep-alive reuse).
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        String db = args.length > 0 ? args[0] : "h2";
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (BenchServer server = BenchServer.start(db)) {
            Catalog catalog = server.context.getBean(Catalog.class);
            // Warm-up: the JIT compiles the hot paths (engine, writer, end of a run) before anything is measured.
            engine(catalog, 20_000, false);
            engine(catalog, 20_000, true);
            endToEnd(server.api, 20_000, false);
            endToEnd(server.api, 20_000, true);
            System.out.printf("%s, Java %s, %d cores; the Python library: 1,600 units/s serial%n", db,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-9s %-9s %14s %14s %10s %12s%n", "replicates", "mode", "engine u/s", "e2e u/s",
                    "e2e/engine", "vs Python");
            for (int replicates : sizes) {
                for (boolean parallel : new boolean[] {false, true}) {
                    for (int r = 0; r < repetitions; r++) {
                        double engine = engine(catalog, replicates, parallel);
                        double e2e = endToEnd(server.api, replicates, parallel);
                        System.out.printf("%-10d %-9s %14.0f %14.0f %9.2fx %11.1fx%n", replicates,
                                parallel ? "parallel" : "serial", engine, e2e, e2e / engine, e2e / 1600);
                    }
                }
            }
        }
    }

    /** Units per second from the POST of the run to the first GET that shows it COMPLETED. */
    static double endToEnd(Api api, int replicates, boolean parallel) {
        String experiment = api.createExperiment(BenchDefinitions.example("bench-" + UUID.randomUUID(), replicates, parallel));
        long start = System.nanoTime();
        String run = api.startRun(experiment, (Object) null);
        JsonNode done = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> api.run(run), r -> !r.path("status").asString().matches("QUEUED|RUNNING"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done.path("status").asString().equals("COMPLETED")) {
            throw new IllegalStateException("bench run ended " + done);
        }
        // The results document is built just after COMPLETED, on the run's thread; a read waits for it. Waited for
        // here (not timed), so it does not run beside the next measurement (it halved the engine's figure).
        if (api.get("/api/runs/" + run + "/results", "Accept-Encoding", "gzip").status() != 200) {
            throw new IllegalStateException("no results for bench run " + run);
        }
        return replicates * 2 / seconds;
    }

    /** Units per second of the engine alone: the same experiment, no HTTP, database, log or artifacts. */
    static double engine(Catalog catalog, int replicates, boolean parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<ExperimentPlugin> plugins = new ArrayList<>(List.of(new SeedPlugin(42L, true)));
            if (parallel) {
                plugins.add(new ParallelExecution(2, pool));
            }
            Experiment experiment = Experiment.builder().id("bench").name("bench").runId(UUID.randomUUID().toString())
                    .fingerprint("bench").replicates(replicates)
                    .datasource(new DatasourceInvocation(catalog.datasource("random.normal").orElseThrow(),
                            Map.of("n", 50, "mean", 0, "sd", 1)))
                    .steps(List.of(new StepInvocation(0, catalog.step("math.add").orElseThrow(), Map.of()),
                            new StepInvocation(1, catalog.step("stats.summary").orElseThrow(), Map.of("prefix", ""))))
                    .initialContext(Map.of("dataset", "demo"))
                    .treatments(List.of(new Treatment("boost", Map.of("delta", 10.0))))
                    .hypotheses(List.of(new Hypothesis("boost_raises_mean", catalog.verifier("welch_t_test").orElseThrow(),
                            Params.of(Map.of("alpha", 0.05, "alternative", "two-sided")), List.of(List.of("mean")), false,
                            Hypothesis.Ranker.P_VALUE, null)))
                    .plugins(plugins).log((level, message) -> { }).cancellation(new CancellationToken())
                    .build();
            long start = System.nanoTime();
            new ExperimentEngine().run(experiment);
            return replicates * 2 / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
