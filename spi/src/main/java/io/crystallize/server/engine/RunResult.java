package io.crystallize.server.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The aggregated result of a run: every unit outcome and the verified hypotheses. */
public record RunResult(List<String> conditions, List<UnitOutcome> units, List<HypothesisOutcome> hypotheses) {

    /** Units in the run's order ({@link UnitOrder}: by replicate, then by condition in run order). */
    public RunResult {
        List<UnitOutcome> sorted = new ArrayList<>(units);
        sorted.sort(UnitOrder.of(conditions));
        units = List.copyOf(sorted);
        hypotheses = List.copyOf(hypotheses);
    }

    /** Per condition, metric name to values of completed units, in replicate order. */
    public Map<String, Map<String, List<Number>>> metrics() {
        return MetricAggregation.valuesByCondition(conditions, units);
    }

    public Map<String, UnitOutcome> errors() {
        Map<String, UnitOutcome> errors = new LinkedHashMap<>();
        units.stream().filter(u -> u.status() == UnitStatus.FAILED).forEach(u -> errors.put(u.key(), u));
        return errors;
    }

    public long count(UnitStatus status) {
        return units.stream().filter(u -> u.status() == status).count();
    }
}
