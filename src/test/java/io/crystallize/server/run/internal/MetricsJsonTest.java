package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CompactMetricsFixture;
import io.crystallize.server.engine.MetricNumbers;
import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.Metrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed metrics JSON is the text data binding writes for the same map, whatever the numbers and tags. */
class MetricsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sameTextAsDataBinding() {
        Map<String, List<MetricValue>> metrics = new LinkedHashMap<>();
        metrics.put("mean", List.of(new MetricValue(0.1 + 0.2, Map.of())));
        metrics.put("n", List.of(new MetricValue(50L, Map.of()), new MetricValue(7, Map.of("fold", "a"))));
        metrics.put("tiny", List.of(new MetricValue(4.9e-324, Map.of()), new MetricValue(-0.0, Map.of())));
        metrics.put("odd", List.of(new MetricValue(1.5f, Map.of()), new MetricValue(new BigDecimal("1.10"), Map.of()),
                new MetricValue(new BigInteger("123456789012345678901234567890"), Map.of()),
                new MetricValue((short) 3, Map.of()), new MetricValue(new AtomicLong(9), Map.of("k", "v\"quoted\""))));

        assertThat(MetricsJson.write(json, metrics)).isEqualTo(json.writeValueAsString(metrics));
        assertThat(MetricsJson.write(json, Map.of())).isEqualTo("{}");
    }

    @Test
    void metricsTheEngineCompactedAreWrittenAsTheirMapIs() {
        Metrics metrics = new Metrics();
        metrics.add("mean", 0.1 + 0.2);
        metrics.add("mean", -0.0);
        metrics.add("n", 50);
        metrics.add("big", 1L << 50);
        metrics.add("tiny", 4.9e-324);
        Map<String, List<MetricValue>> compact = CompactMetricsFixture.of(metrics);
        assertThat(MetricNumbers.untagged(compact)).isTrue();

        assertThat(MetricsJson.write(json, compact)).isEqualTo(json.writeValueAsString(new LinkedHashMap<>(compact)))
                .isEqualTo(json.writeValueAsString(metrics.asMap()));
        assertThat(MetricsJson.write(json, CompactMetricsFixture.of(new Metrics()))).isEqualTo("{}");
    }
}
