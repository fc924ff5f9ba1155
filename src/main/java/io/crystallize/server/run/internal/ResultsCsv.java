package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitOutcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A run's per-unit metrics as CSV: one row per recorded value, with its unit's replicate, condition, seed,
 * the metric, the value's position within the unit, the value and its tags (as JSON).
 */
@Component
class ResultsCsv {

    static final String[] HEADER = {"replicate", "condition", "seed", "metric", "index", "value", "tags"};

    private final RunViews views;
    private final JsonMapper json;

    ResultsCsv(RunViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    void write(Run run, List<String> conditions, Writer out) {
        List<UnitOutcome> outcomes = views.outcomes(run, conditions);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (var unit : outcomes) {
                for (var metric : unit.metrics().entrySet()) {
                    int index = 0;
                    for (var value : metric.getValue()) {
                        csv.printRecord(unit.replicate(), unit.condition(), unit.seed(), metric.getKey(), index++,
                                value.value(), value.tags().isEmpty() ? "" : json.writeValueAsString(value.tags()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
