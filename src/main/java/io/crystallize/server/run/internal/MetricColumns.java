package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricNumbers;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The metric values of a run's completed units per condition and metric, in replicate order, as primitives
 * ({@link NumberColumn}): what a results document lists. From the outcomes the engine finished with when they are
 * the stored units, else from one scan of the stored units' JSON; the same values either way.
 */
@Component
class MetricColumns {

    private final UnitCursor cursor;
    private final JsonMapper json;

    MetricColumns(UnitCursor cursor, JsonMapper json) {
        this.cursor = cursor;
        this.json = json;
    }

    /**
     * Condition → metric → values. {@code units}: the run's outcomes when known (null: scan), used only when as
     * many of them completed as {@code storedCompleted}, the run's counter.
     */
    Map<String, Map<String, NumberColumn>> of(UUID runId, List<String> conditions, List<UnitOutcome> units,
                                              long storedCompleted) {
        Map<String, Map<String, NumberColumn>> byCondition = new LinkedHashMap<>();
        conditions.forEach(c -> byCondition.put(c, new LinkedHashMap<>()));
        if (units != null && collect(units, storedCompleted, byCondition)) {
            return byCondition;
        }
        // One scan for every condition (a scan per condition read each unit once per condition).
        byCondition.values().forEach(Map::clear);
        cursor.metrics(runId, (condition, metricsJson) -> {
            Map<String, NumberColumn> byMetric = byCondition.get(condition);
            if (byMetric != null) { // a unit of a condition the run no longer has: left out, as the filter did
                collect(metricsJson, byMetric);
            }
        });
        return byCondition;
    }

    /**
     * Appends the metric values of the completed {@code units} as the scan would from their stored JSON: integers
     * as integers, doubles as doubles, in replicate order. False — the caller scans instead — when they are not
     * as many as the run's stored completed units, or hold a number their JSON would not read back as the same
     * value (a float, a big or non-finite number).
     */
    private static boolean collect(List<UnitOutcome> units, long storedCompleted,
                                   Map<String, Map<String, NumberColumn>> byCondition) {
        long completed = 0;
        ColumnSink sink = new ColumnSink();
        List<UnitOutcome> ordered = new java.util.ArrayList<>(units);
        ordered.sort(java.util.Comparator.comparingInt(UnitOutcome::replicate));
        for (UnitOutcome u : ordered) {
            if (u.status() != UnitStatus.COMPLETED) {
                continue;
            }
            completed++;
            Map<String, NumberColumn> byMetric = byCondition.get(u.condition());
            if (byMetric == null) {
                continue;
            }
            MetricNumbers.forEach(u.metrics(), name -> sink.into(byMetric.computeIfAbsent(name, n -> new NumberColumn())));
            if (sink.unreadable) {
                return false;
            }
        }
        return completed == storedCompleted;
    }

    /** Appends to one column at a time; notes a value its stored JSON would not read back as the same. */
    private static final class ColumnSink implements MetricNumbers.Sink {
        private NumberColumn column;
        private boolean unreadable;

        ColumnSink into(NumberColumn next) {
            column = next;
            return this;
        }

        @Override
        public void add(double value) {
            if (Double.isFinite(value)) {
                column.add(value);
            } else {
                unreadable = true;
            }
        }

        @Override
        public void add(long value) {
            column.add(value);
        }

        @Override
        public void other(Number value) {
            unreadable = true;
        }
    }

    /** Appends the values of one unit's stored metrics ({@code {"name": [{"value": …, "tags": …}]}}). */
    private void collect(String metricsJson, Map<String, NumberColumn> byMetric) {
        try (JsonParser p = json.createParser(metricsJson)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                NumberColumn column = byMetric.computeIfAbsent(p.currentName(), n -> new NumberColumn());
                p.nextToken();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = p.currentName();
                        JsonToken value = p.nextToken();
                        if (field.equals("value")) {
                            column.add(p);
                        } else if (value.isStructStart()) {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
    }
}
