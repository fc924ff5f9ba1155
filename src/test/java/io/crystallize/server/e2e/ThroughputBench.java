package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import io.crystallize.server.CrystallizeServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bench command (not a test): units per second of the API.md example with a {@code sleep} step, for each
 * execution strategy on one node, as ratios against the serial baseline measured in the same command.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.e2e.ThroughputBench [-Dexec.args="48 20 3"]
 * </pre>
 * Arguments: replicates, sleep per unit in ms, repetitions per strategy (the median is reported).
 */
public final class ThroughputBench {

    private ThroughputBench() {
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int sleepMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(CrystallizeServerApplication.class)
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:bench-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1", "logging.level.root=WARN", "logging.level.crystallize=WARN")
                .run()) {
            Api api = new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
            Map<String, Map<String, Object>> strategies = new LinkedHashMap<>();
            strategies.put("serial", Map.of("type", "serial"));
            strategies.put("parallel(2)", Map.of("type", "parallel", "params", Map.of("maxWorkers", 2)));
            strategies.put("parallel(4)", Map.of("type", "parallel", "params", Map.of("maxWorkers", 4)));
            strategies.put("distributed(8), 1 node", Map.of("type", "distributed", "params", Map.of("unitsPerTask", 8)));
            System.out.printf("%d replicates x 2 conditions, sleep %d ms per unit, median of %d runs%n",
                    replicates, sleepMs, repetitions);
            System.out.printf("%-24s %12s %10s%n", "strategy", "units/s", "vs serial");
            double baseline = 0;
            for (var e : strategies.entrySet()) {
                double unitsPerSecond = median(api, e.getValue(), replicates, sleepMs, repetitions);
                baseline = baseline == 0 ? unitsPerSecond : baseline;
                System.out.printf("%-24s %12.1f %9.2fx%n", e.getKey(), unitsPerSecond, unitsPerSecond / baseline);
            }
        }
    }

    private static double median(Api api, Map<String, Object> plugin, int replicates, int sleepMs, int repetitions) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < repetitions + 1; i++) {
            double rate = unitsPerSecond(api, plugin, replicates, sleepMs);
            if (i > 0) { // the first run warms the JVM up
                rates.add(rate);
            }
        }
        rates.sort(Double::compare);
        return rates.get(rates.size() / 2);
    }

    /** Units per second between the run's start and finish, as the server recorded them. */
    static double unitsPerSecond(Api api, Map<String, Object> plugin, int replicates, int sleepMs) {
        Map<String, Object> d = Definitions.example("bench-" + UUID.randomUUID(), plugin, List.of());
        @SuppressWarnings("unchecked")
        List<Object> steps = new ArrayList<>((List<Object>) d.get("steps"));
        steps.add(0, Map.of("type", "sleep", "params", Map.of("ms", sleepMs)));
        d.put("steps", steps);
        d.put("replicates", replicates);
        JsonNode run = api.awaitFinished(api.startRun(api.createExperiment(d), null));
        if (!run.get("status").asString().equals("COMPLETED")) {
            throw new IllegalStateException("bench run ended " + run);
        }
        Duration took = Duration.between(Instant.parse(run.get("startedAt").asString()),
                Instant.parse(run.get("finishedAt").asString()));
        return run.get("progress").get("completedUnits").asDouble() / (took.toNanos() / 1e9);
    }
}
