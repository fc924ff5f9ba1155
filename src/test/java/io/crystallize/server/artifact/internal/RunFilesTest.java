package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.MetricAggregation;
import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code results.json} by the streaming generator: the bytes data binding writes for the aggregated map. */
class RunFilesTest {

    @Test
    void resultsJsonIsWhatDataBindingWritesForTheAggregatedMetrics() {
        JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        List<String> conditions = List.of("baseline", "t");
        List<UnitOutcome> units = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            for (String c : conditions) {
                if (r == 2 && c.equals("t")) {
                    units.add(UnitOutcome.failed(r, c, 1L, new UnitError("E", "boom", "trace")));
                    continue;
                }
                Map<String, List<MetricValue>> m = new LinkedHashMap<>();
                m.put("mean", List.of(new MetricValue(0.1 + 0.2 * r, Map.of())));
                m.put("count", List.of(new MetricValue(r % 2 == 0 ? (Number) (long) r : (Number) r, Map.of())));
                if (r == 3) { // a metric first seen late, with several values and odd number types
                    m.put("odd", List.of(new MetricValue(0.1f, Map.of("k", "v")), new MetricValue(new BigDecimal("1.10"), Map.of()),
                            new MetricValue(BigInteger.TEN.pow(30), Map.of()), new MetricValue((short) 4, Map.of())));
                }
                units.add(UnitOutcome.completed(r, c, 42L + r, m));
            }
        }
        for (String condition : conditions) {
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            new RunFiles(null, json).resultsJson(condition, units, streamed);
            Map<String, List<Number>> aggregated = MetricAggregation.valuesByCondition(conditions, units).get(condition);
            assertThat(streamed.toString(StandardCharsets.UTF_8))
                    .isEqualTo(new String(json.writeValueAsBytes(Map.of("metrics", aggregated)), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream baseline = new ByteArrayOutputStream();
        new RunFiles(null, json).resultsJson("baseline", units, baseline);
        assertThat(baseline.toString(StandardCharsets.UTF_8)).startsWith("{\"metrics\":{\"mean\":[0.1,0.30000000000000004,")
                .contains("\"odd\":[0.1,1.10,1000000000000000000000000000000,4]");
    }
}
