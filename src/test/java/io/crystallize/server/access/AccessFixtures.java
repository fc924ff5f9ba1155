package io.crystallize.server.access;

import io.crystallize.server.support.DefinitionBuilder;

import java.util.LinkedHashMap;
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
        return DefinitionBuilder.experiment(name).step("math.add").step("artifact.json").step("stats.summary")
                .treatment("t", Map.of("delta", 1.0)).replicates(2).seed(1).plugin("artifacts", Map.of()).build();
    }

    /** An experiment whose runs take a while (each unit sleeps), for quotas on active runs. */
    static Map<String, Object> slow(String name, int replicates, int ms) {
        return DefinitionBuilder.experiment(name).step("sleep", Map.of("ms", ms)).step("stats.summary")
                .replicates(replicates).build();
    }

    static Map<String, Object> in(String workspace, Map<String, Object> definition) {
        Map<String, Object> d = new LinkedHashMap<>(definition);
        d.put("workspace", workspace);
        return d;
    }
}
