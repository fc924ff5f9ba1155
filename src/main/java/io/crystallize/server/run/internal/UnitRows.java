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
 * Inserts a batch of unit rows in one transaction, leaving out units already stored by the database's own means:
 * on PostgreSQL one {@code insert … select from unnest(arrays) on conflict do nothing returning}; on H2 a JDBC
 * batch of plain inserts, and only when it breaks the unique key — a unit stored before a crash or by another
 * node — the batch again as inserts guarded by {@code NOT EXISTS} (the guard costs a third of the insert, and
 * H2's {@code MERGE … KEY} would overwrite). What was really inserted is added to the run's progress counters in
 * the same transaction: the counters equal the stored rows, whatever was executed twice.
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
    /** H2: the plain insert of one row, and the one that leaves out a row stored already. */
    private final String insert;
    private final String guardedInsert;

    UnitRows(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.postgres = postgres(dataSource);
        this.insert = "insert into run_unit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.guardedInsert = "insert into run_unit (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                + "where not exists (select 1 from run_unit where run_id = ? and replicate = ? and condition = ?)";
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
     * Stores the units of one run not stored yet, in one transaction; returns, per unit, whether it was inserted
     * (false: stored before, by an earlier execution or another node).
     */
    boolean[] insert(UUID runId, List<Row> units, String node) {
        Timestamp now = Timestamp.from(clock.instant());
        if (postgres) {
            return insertArrays(runId, units, node, now);
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
                    ps.setInt(12, row.cacheHits());
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
            boolean[] inserted = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
            }
            return count(runId, units, inserted);
        });
    }

    /**
     * PostgreSQL: the batch as one statement, its columns as arrays ({@code unnest}), so the server plans and runs
     * one insert rather than one per row (a JDBC batch of single-row inserts); {@code returning} names the rows
     * inserted, which a batch rewritten by the driver would not.
     */
    private boolean[] insertArrays(UUID runId, List<Row> units, String node, Timestamp now) {
        int n = units.size();
        Integer[] replicates = new Integer[n];
        String[] conditions = new String[n];
        String[] statuses = new String[n];
        Long[] seeds = new Long[n];
        String[] metrics = new String[n];
        String[] errorTypes = new String[n];
        String[] errorMessages = new String[n];
        String[] errorTraces = new String[n];
        Integer[] cacheHits = new Integer[n];
        String[] provenance = new String[n];
        Map<String, Integer> index = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Row row = units.get(i);
            UnitOutcome o = row.outcome();
            UnitError e = o.error();
            replicates[i] = o.replicate();
            conditions[i] = o.condition();
            statuses[i] = o.status().name();
            seeds[i] = o.seed();
            metrics[i] = row.metricsJson();
            errorTypes[i] = e == null ? null : e.type();
            errorMessages[i] = e == null ? null : e.message();
            errorTraces[i] = e == null ? null : e.stackTrace();
            cacheHits[i] = row.cacheHits();
            provenance[i] = row.provenanceJson();
            index.put(o.replicate() + "/" + o.condition(), i);
        }
        return tx.execute(s -> {
            boolean[] inserted = new boolean[n];
            jdbc.query(ARRAY_INSERT, ps -> {
                Connection c = ps.getConnection();
                ps.setObject(1, runId);
                ps.setString(2, node);
                ps.setTimestamp(3, now);
                ps.setArray(4, c.createArrayOf("integer", replicates));
                ps.setArray(5, c.createArrayOf("varchar", conditions));
                ps.setArray(6, c.createArrayOf("varchar", statuses));
                ps.setArray(7, c.createArrayOf("bigint", seeds));
                ps.setArray(8, c.createArrayOf("text", metrics));
                ps.setArray(9, c.createArrayOf("varchar", errorTypes));
                ps.setArray(10, c.createArrayOf("text", errorMessages));
                ps.setArray(11, c.createArrayOf("text", errorTraces));
                ps.setArray(12, c.createArrayOf("integer", cacheHits));
                ps.setArray(13, c.createArrayOf("text", provenance));
            }, rs -> {
                Integer i = index.get(rs.getInt(1) + "/" + rs.getString(2));
                if (i != null) {
                    inserted[i] = true;
                }
            });
            return count(runId, units, inserted);
        });
    }

    private static final String ARRAY_INSERT = "insert into run_unit (" + COLUMNS + ") "
            + "select ?, u.replicate, u.condition, u.status, u.seed, u.metrics_json, u.error_type, u.error_message, "
            + "u.error_trace, ?, ?, u.cache_hits, u.provenance_json from unnest(?::integer[], ?::varchar[], ?::varchar[], "
            + "?::bigint[], ?::text[], ?::varchar[], ?::text[], ?::text[], ?::integer[], ?::text[]) "
            + "as u(replicate, condition, status, seed, metrics_json, error_type, error_message, error_trace, cache_hits, "
            + "provenance_json) on conflict (run_id, replicate, condition) do nothing returning replicate, condition";

    /** Adds the units inserted to the run's counters; returns {@code inserted}. */
    private boolean[] count(UUID runId, List<Row> units, boolean[] inserted) {
        Map<UnitStatus, Long> added = new EnumMap<>(UnitStatus.class);
        long hits = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                added.merge(units.get(i).outcome().status(), 1L, Long::sum);
                hits += units.get(i).cacheHits();
            }
        }
        if (!added.isEmpty()) {
            count(runId, added, hits);
        }
        return inserted;
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
