package io.crystallize.server.e2e;

import io.crystallize.server.support.DefinitionBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Experiment definitions used by the end-to-end tests, as plain maps serialized to JSON. */
final class Definitions {

    private Definitions() {
    }

    /** The example of API.md, with a {@code metric.context} step on {@code seed_used} and the given execution plugin. */
    static Map<String, Object> example(String name, Map<String, Object> executionPlugin, List<Object> hypotheses) {
        List<Object> plugins = new ArrayList<>(List.of(
                Map.of("type", "seed", "params", Map.of("seed", 42, "autoSeed", true)),
                Map.of("type", "logging", "params", Map.of("verbose", true, "logLevel", "INFO"))));
        if (executionPlugin != null) {
            plugins.add(executionPlugin);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("description", "does adding 10 raise the total?");
        d.put("datasource", Map.of("type", "random.normal", "params", Map.of("n", 50, "mean", 0, "sd", 1)));
        d.put("steps", List.of(Map.of("type", "math.add"),
                Map.of("type", "stats.summary", "params", Map.of("prefix", "")),
                Map.of("type", "metric.context", "params", Map.of("key", "seed_used"))));
        d.put("initialContext", Map.of("dataset", "demo"));
        d.put("treatments", List.of(Map.of("name", "boost", "context", Map.of("delta", 10.0))));
        d.put("hypotheses", hypotheses);
        d.put("replicates", 12);
        d.put("plugins", plugins);
        return d;
    }

    /** A small valid definition to mutate in validation tests. */
    static Map<String, Object> minimal(String name) {
        return DefinitionBuilder.experiment(name).step("math.add").step("stats.summary")
                .treatment("t", Map.of("delta", 1.0)).replicates(2).seed(1).build();
    }
}
