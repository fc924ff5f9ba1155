package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/** Metrics as the engine keeps a finished unit's (compacted), for tests outside the engine's package. */
public final class CompactMetricsFixture {

    private CompactMetricsFixture() {
    }

    public static Map<String, List<MetricValue>> of(Metrics metrics) {
        return CompactMetrics.of(metrics);
    }
}
