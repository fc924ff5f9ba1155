package io.crystallize.server.engine;

import java.util.Map;
import java.util.Objects;

/** One recorded metric value with its (possibly empty) tags. */
public record MetricValue(Number value, Map<String, String> tags) {

    public MetricValue {
        Objects.requireNonNull(value, "value");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
