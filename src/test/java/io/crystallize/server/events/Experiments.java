package io.crystallize.server.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.support.DefinitionBuilder.experiment;

/** Experiment definitions for the event, webhook and metrics tests. */
final class Experiments {

    private Experiments() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code replicates} × (baseline + treatment {@code t}) units, each sleeping {@code ms}. */
    static Map<String, Object> sleeping(String name, int replicates, int ms) {
        return experiment(name).step("sleep", Map.of("ms", ms)).step("stats.summary")
                .treatment("t", Map.of("delta", 1.0)).replicates(replicates).seed(7).build();
    }

    /** Like {@link #sleeping} with one sleeping unit and no treatment: a run that stays RUNNING until cancelled. */
    static Map<String, Object> endless(String name) {
        return experiment(name).step("sleep", Map.of("ms", 120_000)).replicates(1).seed(7).build();
    }

    /** Units of treatment {@code t} fail in the given replicates. */
    static Map<String, Object> failing(String name, int replicates, List<Integer> failingReplicates) {
        return experiment(name).step("sleep", Map.of("ms", 20))
                .step("fail", Map.of("conditions", List.of("t"), "replicates", failingReplicates,
                        "message", "planned failure"))
                .step("stats.summary").treatment("t", Map.of("delta", 1.0)).replicates(replicates).seed(7).build();
    }
}
