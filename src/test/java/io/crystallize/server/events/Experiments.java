package io.crystallize.server.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Experiment definitions for the event, webhook and metrics tests. */
final class Experiments {

    private Experiments() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code replicates} × (baseline + treatment {@code t}) units, each sleeping {@code ms}. */
    static Map<String, Object> sleeping(String name, int replicates, int ms) {
        return Map.of("name", name,
                "datasource", Map.of("type", "range", "params", Map.of("end", 5)),
                "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", ms)), Map.of("type", "stats.summary")),
                "treatments", List.of(Map.of("name", "t", "context", Map.of("delta", 1.0))),
                "replicates", replicates,
                "plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7))));
    }

    /** Like {@link #sleeping} with one sleeping unit and no treatment: a run that stays RUNNING until cancelled. */
    static Map<String, Object> endless(String name) {
        return Map.of("name", name,
                "datasource", Map.of("type", "range", "params", Map.of("end", 5)),
                "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 120_000))),
                "replicates", 1,
                "plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7))));
    }

    /** Units of treatment {@code t} fail in the given replicates. */
    static Map<String, Object> failing(String name, int replicates, List<Integer> failingReplicates) {
        return Map.of("name", name,
                "datasource", Map.of("type", "range", "params", Map.of("end", 5)),
                "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 20)),
                        Map.of("type", "fail", "params", Map.of("conditions", List.of("t"),
                                "replicates", failingReplicates, "message", "planned failure")),
                        Map.of("type", "stats.summary")),
                "treatments", List.of(Map.of("name", "t", "context", Map.of("delta", 1.0))),
                "replicates", replicates,
                "plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7))));
    }
}
