package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/**
 * A unit's metric values read as primitives. The engine keeps each finished unit's metrics compactly (a run holds
 * every outcome until its end); reading them through the map makes a list of boxed values per call, which was
 * over a third of writing a run's {@code results.json} in a profile. These reads make none for compact metrics and
 * walk the map's lists for any other. Tags are not read.
 */
public final class MetricNumbers {

    /** Receives one metric's values in the order they were recorded. */
    public interface Sink {
        void add(double value);

        /** An {@code Integer} or a {@code Long}. */
        void add(long value);

        /** Any other kind of number (a {@code Float}, a {@code BigDecimal}, …), as recorded. */
        void other(Number value);
    }

    private MetricNumbers() {
    }

    /** Hands the values of the metric {@code name} to {@code sink}; false, and nothing handed, when it has none. */
    public static boolean forEach(Map<String, List<MetricValue>> metrics, String name, Sink sink) {
        if (metrics instanceof CompactMetrics compact) {
            return compact.forEach(name, sink);
        }
        List<MetricValue> values = metrics.get(name);
        if (values == null) {
            return false;
        }
        values.forEach(v -> add(v.value(), sink));
        return true;
    }

    /** Hands the values of every metric, in the map's order, to the sink {@code sinks} gives for its name. */
    public static void forEach(Map<String, List<MetricValue>> metrics, java.util.function.Function<String, Sink> sinks) {
        if (metrics instanceof CompactMetrics compact) {
            compact.forEach(sinks);
            return;
        }
        metrics.forEach((name, values) -> {
            Sink sink = sinks.apply(name);
            values.forEach(v -> add(v.value(), sink));
        });
    }

    /**
     * True when {@code metrics} are held as plain numbers without tags (compacted by the engine): the reads here
     * then give every value there is.
     */
    public static boolean untagged(Map<String, List<MetricValue>> metrics) {
        return metrics instanceof CompactMetrics;
    }

    private static void add(Number n, Sink sink) {
        if (n instanceof Double d) {
            sink.add(d.doubleValue());
        } else if (n instanceof Long || n instanceof Integer) {
            sink.add(n.longValue());
        } else {
            sink.other(n);
        }
    }
}
