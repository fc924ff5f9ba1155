package io.crystallize.server.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment of API.md that the benches measure: 50 draws of N(0,1), {@code math.add}, {@code stats.summary},
 * one treatment ({@code delta} 10), a Welch test on {@code mean}, seed 42, versioned artifacts, logging not
 * verbose (a verbose log writes one line per step and unit: it measures the log, not the run store).
 */
final class BenchDefinitions {

    private BenchDefinitions() {
    }

    static Map<String, Object> example(String name, int replicates, boolean parallel) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", Map.of("type", "random.normal", "params", Map.of("n", 50, "mean", 0, "sd", 1)));
        d.put("steps", List.of(Map.of("type", "math.add"), Map.of("type", "stats.summary", "params", Map.of("prefix", ""))));
        d.put("initialContext", Map.of("dataset", "demo"));
        d.put("treatments", List.of(Map.of("name", "boost", "context", Map.of("delta", 10.0))));
        d.put("hypotheses", List.of(Map.of("name", "boost_raises_mean",
                "verifier", Map.of("type", "welch_t_test", "params", Map.of("alpha", 0.05)),
                "metrics", List.of("mean"), "ranker", "p_value")));
        d.put("replicates", replicates);
        d.put("plugins", List.of(
                Map.of("type", "seed", "params", Map.of("seed", 42, "autoSeed", true)),
                Map.of("type", "logging", "params", Map.of("verbose", false, "logLevel", "INFO")),
                Map.of("type", "artifacts", "params", Map.of("versioned", true, "artifactRetention", 3)),
                parallel ? Map.of("type", "parallel", "params", Map.of("maxWorkers", 2)) : Map.of("type", "serial")));
        return d;
    }
}
