package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one (replicate, condition) unit: its status, the seed it used, its metrics (completed
 * units only) and its error (failed or skipped units).
 */
public record UnitOutcome(int replicate, String condition, UnitStatus status, Long seed,
                          Map<String, List<MetricValue>> metrics, UnitError error) {

    public UnitOutcome {
        metrics = metrics == null ? Map.of() : metrics;
    }

    public static UnitOutcome completed(int replicate, String condition, Long seed, Map<String, List<MetricValue>> metrics) {
        return new UnitOutcome(replicate, condition, UnitStatus.COMPLETED, seed, metrics, null);
    }

    public static UnitOutcome failed(int replicate, String condition, Long seed, UnitError error) {
        return new UnitOutcome(replicate, condition, UnitStatus.FAILED, seed, Map.of(), error);
    }

    public static UnitOutcome skipped(int replicate, String condition, String reason) {
        return new UnitOutcome(replicate, condition, UnitStatus.SKIPPED, null, Map.of(),
                new UnitError("Skipped", reason, null));
    }

    public String key() {
        return ContextKeys.unitKey(condition, replicate);
    }
}
