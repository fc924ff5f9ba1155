package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A run's per-unit metrics as CSV: one row per recorded value, with its unit's replicate, condition, seed,
 * the metric, the value's position within the unit, the value and its tags (as JSON). Written from a cursor
 * as the units are read: flat memory whatever the run's size.
 */
@Component
class ResultsCsv {

    static final String[] HEADER = {"replicate", "condition", "seed", "metric", "index", "value", "tags"};
    private static final TypeReference<Map<String, List<MetricValue>>> METRICS = new TypeReference<>() { };

    private final UnitCursor cursor;
    private final JsonMapper json;

    ResultsCsv(UnitCursor cursor, JsonMapper json) {
        this.cursor = cursor;
        this.json = json;
    }

    void write(Run run, List<String> conditions, Writer out) {
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            cursor.forEach(run.getId(), conditions, UnitCursor.Filter.ALL, true, 0, -1, unit -> {
                Map<String, List<MetricValue>> metrics = json.readValue(unit.metricsJson(), METRICS);
                try {
                    for (var metric : metrics.entrySet()) {
                        int index = 0;
                        for (var value : metric.getValue()) {
                            csv.printRecord(unit.replicate(), unit.condition(), unit.seed(), metric.getKey(), index++,
                                    value.value(), value.tags().isEmpty() ? "" : json.writeValueAsString(value.tags()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
