package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricNumbers;
import io.crystallize.server.engine.MetricValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A unit's metrics as the JSON a stored unit holds ({@link UnitBatch}): {@code {"name": [{"value": …, "tags": {…}}]}},
 * the same text data binding writes for the map, written with the streaming generator: it is written once per unit
 * on the writer's thread, where data binding's per-call serializer lookups were a fifth of the time.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    static String write(JsonMapper json, Map<String, List<MetricValue>> metrics) {
        StringWriter out = new StringWriter(32 + 48 * metrics.size());
        try (JsonGenerator g = json.createGenerator(out)) {
            if (MetricNumbers.untagged(metrics)) {
                untagged(g, metrics);
                g.flush();
                return out.toString();
            }
            g.writeStartObject();
            for (Map.Entry<String, List<MetricValue>> metric : metrics.entrySet()) {
                g.writeName(metric.getKey());
                g.writeStartArray();
                for (MetricValue v : metric.getValue()) {
                    g.writeStartObject();
                    g.writeName("value");
                    number(json, g, v.value());
                    g.writeName("tags");
                    g.writeStartObject();
                    for (Map.Entry<String, String> tag : v.tags().entrySet()) {
                        g.writeStringProperty(tag.getKey(), tag.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** The same text for metrics the engine holds as primitives, read without boxing a value. */
    private static void untagged(JsonGenerator g, Map<String, List<MetricValue>> metrics) {
        g.writeStartObject();
        boolean[] open = {false};
        MetricNumbers.Sink values = new MetricNumbers.Sink() {
            @Override
            public void add(double value) {
                g.writeStartObject();
                g.writeName("value");
                g.writeNumber(value);
                tags();
            }

            @Override
            public void add(long value) {
                g.writeStartObject();
                g.writeName("value");
                g.writeNumber(value);
                tags();
            }

            @Override
            public void other(Number value) {
                throw new IllegalStateException("an untagged metric holds only doubles and longs, not " + value);
            }

            private void tags() {
                g.writeName("tags");
                g.writeStartObject();
                g.writeEndObject();
                g.writeEndObject();
            }
        };
        MetricNumbers.forEach(metrics, name -> {
            if (open[0]) {
                g.writeEndArray();
            }
            g.writeName(name);
            g.writeStartArray();
            open[0] = true;
            return values;
        });
        if (open[0]) {
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void number(JsonMapper json, JsonGenerator g, Number n) {
        if (n instanceof Double d) {
            g.writeNumber(d);
        } else if (n instanceof Long l) {
            g.writeNumber(l);
        } else if (n instanceof Integer i) {
            g.writeNumber(i);
        } else if (n instanceof Float f) {
            g.writeNumber(f);
        } else if (n instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (n instanceof BigInteger b) {
            g.writeNumber(b);
        } else {
            json.writeValue(g, n); // Short, Byte, AtomicLong…: as data binding writes them
        }
    }
}
