package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitListener;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.RunInterruptedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores unit outcomes as they end, idempotently: (run, replicate, condition) is unique, and a unit
 * executed again after a crash writes nothing twice.
 */
@Component
class UnitStore {

    private static final TypeReference<Map<String, List<MetricValue>>> METRICS = new TypeReference<>() { };

    private final RunUnitRepository units;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    UnitStore(RunUnitRepository units, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.units = units;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    UnitListener listener(UUID runId, String node) {
        return outcome -> save(runId, outcome, node);
    }

    void save(UUID runId, UnitOutcome o, String node) {
        for (int attempt = 1; ; attempt++) {
            try {
                insertOnce(runId, o, node);
                return;
            } catch (TransientDataAccessException e) {
                // A lock timeout or a dropped connection: the unit's outcome is still good, store it again.
                if (attempt >= 5) {
                    throw new RunInterruptedException(e);
                }
            }
        }
    }

    private void insertOnce(UUID runId, UnitOutcome o, String node) {
        try {
            tx.executeWithoutResult(s -> {
                if (!units.existsByRunIdAndReplicateAndCondition(runId, o.replicate(), o.condition())) {
                    UnitError e = o.error();
                    units.saveAndFlush(new RunUnit(runId, o.replicate(), o.condition(), o.status(), o.seed(),
                            json.writeValueAsString(o.metrics()), e == null ? null : e.type(),
                            e == null ? null : e.message(), e == null ? null : e.stackTrace(), node, clock.instant())
                            .traced(o.cacheHits(), o.provenance().isEmpty() ? null : json.writeValueAsString(o.provenance())));
                }
            });
        } catch (DataIntegrityViolationException alreadyStored) {
            // Another execution of the same unit stored it first; its outcome is the same by construction.
        }
    }

    /** Unit key → outcome of every stored unit of a run. */
    Map<String, UnitOutcome> load(UUID runId) {
        Map<String, UnitOutcome> done = new LinkedHashMap<>();
        for (RunUnit u : units.findByRunIdOrderByReplicateAsc(runId)) {
            UnitOutcome o = outcome(u);
            done.put(o.key(), o);
        }
        return done;
    }

    UnitOutcome outcome(RunUnit u) {
        UnitError error = u.getErrorType() == null ? null
                : new UnitError(u.getErrorType(), u.getErrorMessage(), u.getErrorTrace());
        return new UnitOutcome(u.getReplicate(), u.getCondition(), u.getStatus(), u.getSeed(),
                json.readValue(u.getMetricsJson(), METRICS), error);
    }

    /** Copies a unit into another run (resume keeps the completed units of the latest run). */
    void copy(RunUnit from, UUID toRun) {
        units.save(new RunUnit(toRun, from.getReplicate(), from.getCondition(), from.getStatus(), from.getSeed(),
                from.getMetricsJson(), from.getErrorType(), from.getErrorMessage(), from.getErrorTrace(),
                from.getNode(), from.getFinishedAt()).traced(from.getCacheHits(), from.getProvenanceJson()));
    }
}
