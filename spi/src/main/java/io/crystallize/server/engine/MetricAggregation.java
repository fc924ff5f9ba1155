package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates unit metrics per condition, in replicate order (crystallize's ResultAggregator). */
public final class MetricAggregation {

    private MetricAggregation() {
    }

    /** Condition → metric → values of its completed units; {@code units} must be in replicate order. */
    public static Map<String, Map<String, List<Number>>> valuesByCondition(List<String> conditions, List<UnitOutcome> units) {
        Map<String, Map<String, List<Number>>> out = new LinkedHashMap<>();
        conditions.forEach(c -> out.put(c, new LinkedHashMap<>()));
        for (UnitOutcome u : units) {
            if (u.status() != UnitStatus.COMPLETED) {
                continue;
            }
            Map<String, List<Number>> byMetric = out.computeIfAbsent(u.condition(), c -> new LinkedHashMap<>());
            u.metrics().forEach((name, values) -> {
                List<Number> list = byMetric.computeIfAbsent(name, n -> new ArrayList<>());
                values.forEach(v -> list.add(v.value()));
            });
        }
        return out;
    }

    /**
     * Metric → observations (replicate, value) of the completed units of one condition, for the named metrics
     * only (in that order; a metric no unit recorded is absent): what
     * the verifiers read, without making values of the metrics they do not.
     */
    public static Map<String, List<Observation>> observations(String condition, List<UnitOutcome> units,
                                                              java.util.Collection<String> metrics) {
        Map<String, List<Observation>> out = new LinkedHashMap<>();
        metrics.forEach(m -> out.put(m, new ArrayList<>()));
        for (UnitOutcome u : units) {
            if (u.status() != UnitStatus.COMPLETED || !u.condition().equals(condition)) {
                continue;
            }
            out.forEach((name, list) -> {
                List<MetricValue> values = u.metrics().get(name);
                if (values != null) {
                    values.forEach(v -> list.add(new Observation(u.replicate(), v.value().doubleValue())));
                }
            });
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
