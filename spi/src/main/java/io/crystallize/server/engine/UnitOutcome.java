package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one (replicate, condition) unit: its status, the seed it used, its metrics (completed
 * units only), its error (failed or skipped units) and the provenance of the steps it ran.
 */
public record UnitOutcome(int replicate, String condition, UnitStatus status, Long seed,
                          Map<String, List<MetricValue>> metrics, UnitError error, List<StepRecord> provenance) {

    public UnitOutcome {
        metrics = metrics == null ? Map.of() : metrics;
        provenance = provenance == null ? List.of() : provenance;
    }

    public UnitOutcome(int replicate, String condition, UnitStatus status, Long seed,
                       Map<String, List<MetricValue>> metrics, UnitError error) {
        this(replicate, condition, status, seed, metrics, error, List.of());
    }

    /** The same outcome with the provenance of its steps. */
    public UnitOutcome withProvenance(List<StepRecord> steps) {
        return new UnitOutcome(replicate, condition, status, seed, metrics, error, List.copyOf(steps));
    }

    /** How many of the unit's steps were served from the step cache. */
    public int cacheHits() {
        return (int) provenance.stream().filter(StepRecord::cacheHit).count();
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
