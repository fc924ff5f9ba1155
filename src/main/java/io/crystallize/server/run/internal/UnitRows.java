package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts unit rows in one transaction with JDBC batching, leaving out units already stored by the database's
 * own means (PostgreSQL {@code ON CONFLICT DO NOTHING}; on H2 a plain insert, and only when it breaks the unique
 * key — a unit stored before a crash or by another node — the batch again as an insert guarded by
 * {@code NOT EXISTS}: the guard costs a third of the insert, and H2's {@code MERGE … KEY} would overwrite), and adds what was really inserted to the run's progress counters in the
 * same transaction: the counters equal the stored rows, whatever was executed twice.
 */
@Component
class UnitRows {

    private static final String COLUMNS = "run_id, replicate, condition, status, seed, metrics_json, error_type, "
            + "error_message, error_trace, node, finished_at, cache_hits, provenance_json";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean postgres;
    private final String insert;
    /** H2 only: the insert that leaves out rows already stored; null on PostgreSQL. */
    private final String guardedInsert;

    UnitRows(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.postgres = postgres(dataSource);
        String values = "insert into run_unit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insert = postgres ? values + " on conflict (run_id, replicate, condition) do nothing" : values;
        this.guardedInsert = postgres ? null
                : "insert into run_unit (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists "
                        + "(select 1 from run_unit where run_id = ? and replicate = ? and condition = ?)";
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /**
     * A unit as its row will hold it: the JSON of its metrics and provenance is written here, on the thread that
     * ran the unit, so the writer's one thread spends its time in the database. Units of one run mostly share one
     * provenance (the same steps reading and writing the same keys): its JSON is written again only when it
     * differs from the last one's ({@code last}, shared by the run's producers; a lost race writes it twice).
     */
    Row row(UnitOutcome outcome, AtomicReference<Row> last) {
        String provenance = null;
        if (!outcome.provenance().isEmpty()) {
            Row previous = last.get();
            provenance = previous != null && previous.outcome().provenance().equals(outcome.provenance())
                    ? previous.provenanceJson() : json.writeValueAsString(outcome.provenance());
        }
        Row row = new Row(outcome, MetricsJson.write(json, outcome.metrics()), provenance);
        if (provenance != null) {
            last.set(row);
        }
        return row;
    }

    /** A unit and the JSON its row stores. */
    record Row(UnitOutcome outcome, String metricsJson, String provenanceJson) {
    }

    /**
     * Stores the units of one run not stored yet, in one transaction; returns, per unit, whether it was inserted
     * (false: stored before, by an earlier execution or another node).
     */
    boolean[] insert(UUID runId, List<Row> units, String node) {
        Timestamp now = Timestamp.from(clock.instant());
        if (guardedInsert == null) {
            return insert(insert, false, runId, units, node, now);
        }
        try {
            return insert(insert, false, runId, units, node, now);
        } catch (DuplicateKeyException storedBefore) {
            return insert(guardedInsert, true, runId, units, node, now);
        }
    }

    private boolean[] insert(String sql, boolean guarded, UUID runId, List<Row> units, String node, Timestamp now) {
        return tx.execute(s -> {
            int[] counts = jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                @Override
                public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                    Row row = units.get(i);
                    UnitOutcome o = row.outcome();
                    UnitError e = o.error();
                    ps.setObject(1, runId);
                    ps.setInt(2, o.replicate());
                    ps.setString(3, o.condition());
                    ps.setString(4, o.status().name());
                    if (o.seed() == null) {
                        ps.setNull(5, Types.BIGINT);
                    } else {
                        ps.setLong(5, o.seed());
                    }
                    ps.setString(6, row.metricsJson());
                    ps.setString(7, e == null ? null : e.type());
                    ps.setString(8, e == null ? null : e.message());
                    ps.setString(9, e == null ? null : e.stackTrace());
                    ps.setString(10, node);
                    ps.setTimestamp(11, now);
                    ps.setInt(12, o.cacheHits());
                    ps.setString(13, row.provenanceJson());
                    if (guarded) {
                        ps.setObject(14, runId);
                        ps.setInt(15, o.replicate());
                        ps.setString(16, o.condition());
                    }
                }

                @Override
                public int getBatchSize() {
                    return units.size();
                }
            });
            Map<UnitStatus, Long> added = new EnumMap<>(UnitStatus.class);
            boolean[] inserted = new boolean[counts.length];
            long hits = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    UnitOutcome o = units.get(i).outcome();
                    added.merge(o.status(), 1L, Long::sum);
                    hits += o.cacheHits();
                    inserted[i] = true;
                }
            }
            if (!added.isEmpty()) {
                count(runId, added, hits);
            }
            return inserted;
        });
    }

    /**
     * Copies the completed units of {@code from} into {@code to} (resume keeps them), limited to the replicates
     * and conditions of the new run, and counts them on it.
     */
    int copyCompleted(UUID from, UUID to, int replicates, List<String> conditions) {
        String in = String.join(", ", java.util.Collections.nCopies(conditions.size(), "?"));
        Object[] args = new Object[3 + conditions.size()];
        args[0] = to;
        args[1] = from;
        args[2] = replicates;
        for (int i = 0; i < conditions.size(); i++) {
            args[3 + i] = conditions.get(i);
        }
        int copied = jdbc.update("insert into run_unit (" + COLUMNS + ") select ?, replicate, condition, status, seed, "
                + "metrics_json, error_type, error_message, error_trace, node, finished_at, cache_hits, provenance_json "
                + "from run_unit where run_id = ? and status = 'COMPLETED' and replicate < ? and condition in (" + in + ")",
                args);
        Long hits = jdbc.queryForObject("select coalesce(sum(cache_hits), 0) from run_unit where run_id = ?", Long.class, to);
        count(to, Map.of(UnitStatus.COMPLETED, (long) copied), hits == null ? 0 : hits);
        return copied;
    }

    /** How many completed units of {@code from} a resume within these replicates and conditions would keep. */
    long countCompleted(UUID from, int replicates, List<String> conditions) {
        String in = String.join(", ", java.util.Collections.nCopies(conditions.size(), "?"));
        Object[] args = new Object[2 + conditions.size()];
        args[0] = from;
        args[1] = replicates;
        for (int i = 0; i < conditions.size(); i++) {
            args[2 + i] = conditions.get(i);
        }
        Long n = jdbc.queryForObject("select count(*) from run_unit where run_id = ? and status = 'COMPLETED' "
                + "and replicate < ? and condition in (" + in + ")", Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Adds to the run's counters. The run row must be there: units are never stored for a run that is gone (a
     * deleted run rolls the batch back here, as a foreign key would, without a key lookup per row).
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
