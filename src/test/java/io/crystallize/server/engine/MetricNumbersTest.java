package io.crystallize.server.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's metrics read as primitives hand over the values the map holds, in order and of the same kind, whether
 * the engine kept them compactly or not; a long a double cannot hold exactly is kept as it is.
 */
class MetricNumbersTest {

    /** What a sink received, as text: {@code d:} a double, {@code l:} an integer, {@code o:} any other number. */
    private static final class Recorder implements MetricNumbers.Sink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void add(double value) {
            seen.add("d:" + value);
        }

        @Override
        public void add(long value) {
            seen.add("l:" + value);
        }

        @Override
        public void other(Number value) {
            seen.add("o:" + value);
        }
    }

    @Test
    void compactMetricsAreReadAsTheirMapShowsThem() {
        Metrics metrics = new Metrics();
        metrics.add("mean", 1.5);
        metrics.add("mean", -0.25);
        metrics.add("count", 50);
        metrics.add("big", 1L << 40);
        Map<String, List<MetricValue>> compact = CompactMetrics.of(metrics);
        assertThat(compact).isInstanceOf(CompactMetrics.class);

        assertThat(read(compact, "mean")).containsExactly("d:1.5", "d:-0.25");
        assertThat(read(compact, "count")).containsExactly("l:50");
        assertThat(read(compact, "big")).containsExactly("l:" + (1L << 40));
        Recorder none = new Recorder();
        assertThat(MetricNumbers.forEach(compact, "absent", none)).isFalse();
        assertThat(none.seen).isEmpty();
        // The same as the boxed values of the map, metric by metric, in its order.
        assertThat(readAll(compact)).isEqualTo(readAll(new LinkedHashMap<>(compact)));
        assertThat(readAll(compact).keySet()).containsExactly("mean", "count", "big");
        assertThat(compact.keySet()).containsExactly("mean", "count", "big").contains("count").doesNotContain("x");
        assertThat(compact.containsKey("big")).isTrue();
        assertThat(compact.containsKey("absent")).isFalse();
        assertThat(compact).isEqualTo(new LinkedHashMap<>(compact)).hasSameHashCodeAs(new LinkedHashMap<>(compact));
        assertThat(compact.entrySet()).isEqualTo(new LinkedHashMap<>(compact).entrySet());
    }

    @Test
    void otherNumbersAndLongsBeyondADoublesPrecisionStayAsRecorded() {
        Metrics metrics = new Metrics();
        metrics.add("huge", Long.MAX_VALUE - 1);
        Map<String, List<MetricValue>> kept = CompactMetrics.of(metrics);
        assertThat(kept).isNotInstanceOf(CompactMetrics.class);
        assertThat(read(kept, "huge")).containsExactly("l:" + (Long.MAX_VALUE - 1));

        Metrics decimal = new Metrics();
        decimal.add("x", new BigDecimal("0.1"));
        decimal.add("x", 2.0f);
        assertThat(read(CompactMetrics.of(decimal), "x")).containsExactly("o:0.1", "o:2.0");
    }

    private static List<String> read(Map<String, List<MetricValue>> metrics, String name) {
        Recorder r = new Recorder();
        assertThat(MetricNumbers.forEach(metrics, name, r)).isTrue();
        return r.seen;
    }

    private static Map<String, List<String>> readAll(Map<String, List<MetricValue>> metrics) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        MetricNumbers.forEach(metrics, name -> {
            Recorder r = new Recorder();
            out.put(name, r.seen);
            return r;
        });
        return out;
    }
}
