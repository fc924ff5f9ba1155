package io.crystallize.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit's metrics: append-only lists of values, in first-recorded order. Safe for concurrent appends. */
public final class Metrics {

    private final Map<String, List<MetricValue>> values = new LinkedHashMap<>();
    private final int maxValues;
    private int count;

    public Metrics() {
        this(Integer.MAX_VALUE);
    }

    /** Metrics of a unit that may record at most {@code maxValues} values (crystallize.limits.max-metric-values-per-unit). */
    public Metrics(int maxValues) {
        this.maxValues = maxValues;
    }

    /** The step being traced, told of every value recorded while it runs (provenance, the step cache). */
    private StepTrace trace;

    synchronized void trace(StepTrace current) {
        trace = current;
    }

    public void add(String name, Number value) {
        add(name, value, Map.of());
    }

    public synchronized void add(String name, Number value, Map<String, String> tags) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("metric '" + name + "' must be a finite number, got " + value);
        }
        if (count >= maxValues) {
            throw new IllegalStateException("the unit recorded more than " + maxValues + " metric values "
                    + "(crystallize.limits.max-metric-values-per-unit)");
        }
        MetricValue recorded = new MetricValue(value, tags);
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(recorded);
        count++;
        if (trace != null) {
            trace.metric(name, recorded);
        }
    }

    /** The values recorded under {@code name}, oldest first; empty when none (and nothing is created). */
    public synchronized List<MetricValue> get(String name) {
        List<MetricValue> list = values.get(name);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Applies {@code reader} to the live values under the lock (no copy); the reader must not keep or change them. */
    synchronized <R> R read(java.util.function.Function<Map<String, List<MetricValue>>, R> reader) {
        return reader.apply(values);
    }

    /** A snapshot: metric name to its values, in first-recorded order. */
    public synchronized Map<String, List<MetricValue>> asMap() {
        Map<String, List<MetricValue>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
