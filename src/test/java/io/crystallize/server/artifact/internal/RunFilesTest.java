package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code results.json} by the streaming generator: the bytes data binding writes for the same map. */
class RunFilesTest {

    @Test
    void resultsJsonIsWhatDataBindingWrites() {
        JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        Map<String, List<Number>> metrics = new LinkedHashMap<>();
        metrics.put("mean", List.of(0.1 + 0.2, -1.5e-300, 2.5e20, 3.0));
        metrics.put("count", List.of(7L, Long.MAX_VALUE, 3, Integer.MIN_VALUE));
        metrics.put("odd", List.of(0.1f, new BigDecimal("1.10"), BigInteger.TEN.pow(30), (short) 4));
        metrics.put("none", List.of());
        byte[] streamed = new RunFiles(null, json).resultsJson(metrics);
        assertThat(new String(streamed, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(json.writeValueAsBytes(Map.of("metrics", metrics)), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"metrics\":{\"mean\":[0.30000000000000004,");
    }
}
