package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stores a batch of a run's units as one row of {@code run_unit_batch} ({@link UnitBatch}), in one transaction,
 * leaving out units stored already: a unit is stored once, whatever was executed twice (a unit stored before a
 * crash, or by another node). The transaction first locks the run's row, so the batches of one run are stored one
 * after the other; it then reads the batches of the run that overlap this one's replicates and that this writer
 * has not seen ({@link Stored}: normally none, as a run's other batches are its own), and leaves out their units.
 * What was really inserted is added to the run's progress counters in the same transaction: the counters equal
 * the stored units.
 */
@Component
class UnitRows {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final UnitCursor cursor;
    private final RunStoreProperties props;

    UnitRows(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, Clock clock, UnitCursor cursor,
             RunStoreProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.cursor = cursor;
        this.props = props;
    }

    /**
     * A unit as its batch will hold it: the JSON of its metrics and provenance. Units of one run mostly share one
     * provenance (the same steps reading and writing the same keys): its JSON is written again only when it
     * differs from the last one's ({@code last}).
     */
    Row row(UnitOutcome outcome, AtomicReference<Row> last) {
        String provenance = null;
        if (!outcome.provenance().isEmpty()) {
            Row previous = last.get();
            provenance = previous != null && previous.outcome().provenance().equals(outcome.provenance())
                    ? previous.provenanceJson() : json.writeValueAsString(outcome.provenance());
        }
        Row row = new Row(outcome, MetricsJson.write(json, outcome.metrics()), provenance, outcome.cacheHits());
        if (provenance != null) {
            last.set(row);
        }
        return row;
    }

    /** A unit and what its row stores besides the outcome's fields: JSON, and the steps replayed from the cache. */
    record Row(UnitOutcome outcome, String metricsJson, String provenanceJson, int cacheHits) {
    }

    /**
     * What one writer knows to be stored of its run: the batches it wrote or read, and their units' keys. Only
     * what a committed transaction stored or read is added.
     */
    static final class Stored {
        private final Set<Long> batches = new HashSet<>();
        private final Map<String, BitSet> replicates = new HashMap<>();

        boolean contains(int replicate, String condition) {
            BitSet set = replicates.get(condition);
            return set != null && set.get(replicate);
        }

        private void add(UnitBatch.Unit unit) {
            replicates.computeIfAbsent(unit.condition(), c -> new BitSet()).set(unit.replicate());
        }
    }

    /**
     * Stores the units of one run not stored yet, in one transaction; returns, per unit, whether it was inserted
     * (false: stored before, by an earlier execution or another node). A run that is gone rolls the batch back.
     */
    boolean[] insert(UUID runId, List<Row> units, String node, Stored stored) {
        Instant now = clock.instant();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Row row : units) {
            first = Math.min(first, row.outcome().replicate());
            last = Math.max(last, row.outcome().replicate());
        }
        int from = first;
        int to = last;
        List<Long> read = new ArrayList<>();
        List<UnitBatch.Unit> seen = new ArrayList<>();
        List<UnitBatch.Unit> inserted = new ArrayList<>();
        boolean[] insertedFlags = new boolean[units.size()];
        long id = tx.execute(s -> {
            lock(runId);
            read.clear();
            seen.clear();
            inserted.clear();
            Set<String> keys = new HashSet<>();
            for (long batch : jdbc.queryForList("select id from run_unit_batch where run_id = ? and last_replicate >= ? "
                    + "and first_replicate <= ?", Long.class, runId, from, to)) {
                if (!stored.batches.contains(batch)) {
                    read.add(batch);
                    jdbc.query("select data from run_unit_batch where id = ?", rs -> {
                        UnitBatch.decode(rs.getBytes(1), false, u -> {
                            seen.add(u);
                            keys.add(u.condition() + "/" + u.replicate());
                        });
                    }, batch);
                }
            }
            for (int i = 0; i < units.size(); i++) {
                Row row = units.get(i);
                UnitOutcome o = row.outcome();
                insertedFlags[i] = !stored.contains(o.replicate(), o.condition())
                        && keys.add(o.condition() + "/" + o.replicate());
                if (insertedFlags[i]) {
                    inserted.add(unit(row, node, now));
                }
            }
            return inserted.isEmpty() ? -1L : store(runId, inserted);
        });
        stored.batches.addAll(read);
        if (id >= 0) {
            stored.batches.add(id);
        }
        seen.forEach(stored::add);
        inserted.forEach(stored::add);
        return insertedFlags;
    }

    private static UnitBatch.Unit unit(Row row, String node, Instant now) {
        UnitOutcome o = row.outcome();
        UnitError e = o.error();
        return new UnitBatch.Unit(o.replicate(), o.condition(), o.status(), o.seed(), row.metricsJson(),
                e == null ? null : e.type(), e == null ? null : e.message(), e == null ? null : e.stackTrace(), node,
                now, row.cacheHits(), row.provenanceJson());
    }

    /** Locks the run's row until the transaction ends; a run that is gone ends it. */
    private void lock(UUID runId) {
        try {
            jdbc.queryForObject("select id from run where id = ? for update", UUID.class, runId);
        } catch (EmptyResultDataAccessException gone) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException("select run " + runId + " for update", 1, 0);
        }
    }

    /** Inserts one batch row and counts its units on the run; returns the row's id. */
    private long store(UUID runId, List<UnitBatch.Unit> units) {
        UnitBatch.Counts counts = UnitBatch.Counts.of(units);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(UnitBatch.INSERT, new String[] {"id"});
            UnitBatch.bind(ps, runId, units);
            return ps;
        }, key);
        long hits = 0;
        for (UnitBatch.Unit u : units) {
            hits += u.cacheHits();
        }
        Map<UnitStatus, Long> added = new EnumMap<>(UnitStatus.class);
        added.put(UnitStatus.COMPLETED, (long) counts.completed());
        added.put(UnitStatus.FAILED, (long) counts.failed());
        added.put(UnitStatus.SKIPPED, (long) counts.skipped());
        count(runId, added, hits);
        Number id = key.getKey();
        if (id == null) {
            throw new IllegalStateException("no id for the unit batch of run " + runId);
        }
        return id.longValue();
    }

    /**
     * Copies the completed units of {@code from} into {@code to} (resume keeps them), limited to the replicates
     * and conditions of the new run, and counts them on it.
     */
    int copyCompleted(UUID from, UUID to, int replicates, List<String> conditions) {
        Set<String> in = Set.copyOf(conditions);
        Integer copied = tx.execute(s -> {
            List<UnitBatch.Unit> batch = new ArrayList<>();
            int[] n = {0};
            cursor.units(from, conditions, u -> {
                if (kept(u, replicates, in)) {
                    batch.add(u);
                    n[0]++;
                    if (batch.size() >= props.batchSize()) {
                        store(to, batch);
                        batch.clear();
                    }
                }
            });
            if (!batch.isEmpty()) {
                store(to, batch);
            }
            return n[0];
        });
        return copied == null ? 0 : copied;
    }

    /** How many completed units of {@code from} a resume within these replicates and conditions would keep. */
    long countCompleted(UUID from, int replicates, List<String> conditions) {
        Set<String> in = Set.copyOf(conditions);
        long[] n = {0};
        cursor.keys(from, u -> {
            if (kept(u, replicates, in)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** A unit a resume within these replicates and conditions keeps: completed, and within them. */
    private static boolean kept(UnitBatch.Unit u, int replicates, Set<String> conditions) {
        return u.status() == UnitStatus.COMPLETED && u.replicate() < replicates && conditions.contains(u.condition());
    }

    /**
     * Adds to the run's counters. The run row must be there: units are never stored for a run that is gone (a
     * deleted run rolls the batch back here).
     */
    private void count(UUID runId, Map<UnitStatus, Long> added, long cacheHits) {
        int updated = jdbc.update("update run set completed_units = completed_units + ?, failed_units = failed_units + ?, "
                + "skipped_units = skipped_units + ?, cache_hits = cache_hits + ? where id = ?",
                added.getOrDefault(UnitStatus.COMPLETED, 0L), added.getOrDefault(UnitStatus.FAILED, 0L),
                added.getOrDefault(UnitStatus.SKIPPED, 0L), cacheHits, runId);
        if (updated != 1) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException("update run (counters of " + runId + ")", 1, updated);
        }
    }
}
