package io.crystallize.server.artifact.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Experiment definitions for the artifact tests, as the JSON maps the API takes. */
final class Definitions {

    private Definitions() {
    }

    static Map<String, Object> step(String type, Map<String, Object> params) {
        return Map.of("type", type, "params", params);
    }

    static Map<String, Object> treatment(String name, Map<String, Object> context) {
        return Map.of("name", name, "context", context);
    }

    /** A range datasource (0 … 4), the given steps and treatments, a fixed seed and the artifacts plugin. */
    static Map<String, Object> experiment(String name, List<Map<String, Object>> steps,
                                          List<Map<String, Object>> treatments, int replicates,
                                          Map<String, Object> artifactParams) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", Map.of("type", "range", "params", Map.of("end", 5)));
        d.put("steps", steps);
        d.put("treatments", treatments);
        d.put("replicates", replicates);
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 1)),
                Map.of("type", "artifacts", "params", artifactParams)));
        return d;
    }

    /** Per unit a 2 MiB {@code big.bin} and a 1-byte {@code small.txt}, with a treatment {@code t} (reference §7.3). */
    static Map<String, Object> bigAndSmall(String name, Map<String, Object> artifactParams) {
        return experiment(name, List.of(
                        step("artifact.bytes", Map.of("name", "big.bin", "size", 2 * ServiceTest.MIB)),
                        step("artifact.bytes", Map.of("name", "small.txt", "size", 1)),
                        step("stats.summary", Map.of())),
                List.of(treatment("t", Map.of())), 1, artifactParams);
    }
}
