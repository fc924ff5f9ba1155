package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run's stored units: written in batches by a {@link UnitWriter} per run and node, idempotently ((run,
 * replicate, condition) is unique, and a unit executed again after a crash writes nothing twice), and read
 * back as outcomes when a run resumes on a node.
 */
@Component
class UnitStore {

    private static final TypeReference<Map<String, List<MetricValue>>> METRICS = new TypeReference<>() { };

    private final UnitCursor cursor;
    private final UnitRows rows;
    private final RunStoreProperties props;
    private final JsonMapper json;

    UnitStore(UnitCursor cursor, UnitRows rows, RunStoreProperties props, JsonMapper json) {
        this.cursor = cursor;
        this.rows = rows;
        this.props = props;
        this.json = json;
    }

    /** A writer of the run's units on this node; close it when the run's work here ends. */
    UnitWriter writer(UUID runId, String node) {
        return new UnitWriter(runId, node, rows, props);
    }

    /** Unit key → outcome of every stored unit of a run, by replicate. */
    Map<String, UnitOutcome> load(UUID runId) {
        Map<String, UnitOutcome> done = new LinkedHashMap<>();
        cursor.units(runId, List.of(), u -> {
            UnitOutcome o = outcome(u);
            done.put(o.key(), o);
        });
        return done;
    }

    private UnitOutcome outcome(UnitBatch.Unit u) {
        UnitError error = u.errorType() == null ? null : new UnitError(u.errorType(), u.errorMessage(), u.errorTrace());
        return new UnitOutcome(u.replicate(), u.condition(), u.status(), u.seed(),
                json.readValue(u.metricsJson(), METRICS), error);
    }

    /** Resume keeps the completed units of the latest run: copied into the new run, within its replicates and conditions. */
    long copyCompleted(UUID from, UUID to, int replicates, List<String> conditions) {
        return rows.copyCompleted(from, to, replicates, conditions);
    }

    /** How many completed units of {@code from} a resume within these replicates and conditions keeps. */
    long countCompleted(UUID from, int replicates, List<String> conditions) {
        return rows.countCompleted(from, replicates, conditions);
    }
}
