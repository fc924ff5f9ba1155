package io.crystallize.server.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Definitions and names for the access tests. */
final class AccessFixtures {

    private AccessFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A quick experiment whose run logs a JSON artifact per unit (so downloads can be checked too). */
    static Map<String, Object> experiment(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", Map.of("type", "range", "params", Map.of("end", 5)));
        d.put("steps", List.of(Map.of("type", "math.add"), Map.of("type", "artifact.json"),
                Map.of("type", "stats.summary")));
        d.put("treatments", List.of(Map.of("name", "t", "context", Map.of("delta", 1.0))));
        d.put("replicates", 2);
        d.put("plugins", new ArrayList<>(List.of(Map.of("type", "seed", "params", Map.of("seed", 1)),
                Map.of("type", "artifacts", "params", Map.of()))));
        return d;
    }

    /** An experiment whose runs take a while (each unit sleeps), for quotas on active runs. */
    static Map<String, Object> slow(String name, int replicates, int ms) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", Map.of("type", "range", "params", Map.of("end", 5)));
        d.put("steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", ms)), Map.of("type", "stats.summary")));
        d.put("replicates", replicates);
        return d;
    }

    static Map<String, Object> in(String workspace, Map<String, Object> definition) {
        Map<String, Object> d = new LinkedHashMap<>(definition);
        d.put("workspace", workspace);
        return d;
    }
}
