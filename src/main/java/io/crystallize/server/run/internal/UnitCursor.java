package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads a run's stored units from a database cursor, a few hundred rows at a time, so a read of a run of any
 * size takes flat memory: by replicate, then condition in run order (API.md), optionally a page of them.
 * PostgreSQL streams only inside a transaction: each read joins the caller's or is its own read-only one.
 */
@Component
class UnitCursor {

    /** The rows a cursor yields: which units, and whether with their metrics and errors. */
    enum Filter { ALL, WITH_SEED, FAILED, SKIPPED }

    /** One stored unit; {@code metricsJson} and the error fields only when asked for. */
    record Row(int replicate, String condition, UnitStatus status, Long seed, String node, Timestamp finishedAt,
               String metricsJson, String errorType, String errorMessage, String errorTrace) {
    }

    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    UnitCursor(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
    }

    /** Every row of {@code filter}; {@code limit} &lt; 0 for all of them from {@code offset} on. */
    void forEach(UUID runId, List<String> conditions, Filter filter, boolean details, long offset, int limit,
                 Consumer<Row> each) {
        List<Object> args = new ArrayList<>();
        args.add(runId);
        StringBuilder sql = new StringBuilder("select replicate, condition, status, seed, node, finished_at")
                .append(details ? ", metrics_json, error_type, error_message, error_trace" : "")
                .append(" from run_unit where run_id = ?").append(where(filter)).append(order(conditions, args));
        if (limit >= 0) {
            sql.append(" offset ? rows fetch next ? rows only");
            args.add(offset);
            args.add(limit);
        }
        readOnly.executeWithoutResult(s -> jdbc.query(sql.toString(), rs -> {
            each.accept(row(rs, details));
        }, args.toArray()));
    }

    /** One stored unit's provenance: its steps as stored (a JSON array, null when no step ran). */
    record ProvenanceRow(int replicate, String condition, UnitStatus status, int cacheHits, String stepsJson) {
    }

    /** Every unit's provenance, by replicate then condition in run order. */
    void provenance(UUID runId, List<String> conditions, Consumer<ProvenanceRow> each) {
        List<Object> args = new ArrayList<>();
        args.add(runId);
        StringBuilder sql = new StringBuilder("select replicate, condition, status, cache_hits, provenance_json "
                + "from run_unit where run_id = ?").append(order(conditions, args));
        readOnly.executeWithoutResult(s -> jdbc.query(sql.toString(), rs -> {
            each.accept(new ProvenanceRow(rs.getInt(1), rs.getString(2), UnitStatus.valueOf(rs.getString(3)),
                    rs.getInt(4), rs.getString(5)));
        }, args.toArray()));
    }

    /** The completed units' conditions and metrics, in replicate order (the conditions of a replicate interleaved). */
    void metrics(UUID runId, java.util.function.BiConsumer<String, String> each) {
        readOnly.executeWithoutResult(s -> jdbc.query("select condition, metrics_json from run_unit where run_id = ? "
                + "and status = 'COMPLETED' order by replicate",
                rs -> { each.accept(rs.getString(1), rs.getString(2)); }, runId));
    }

    long count(UUID runId, Filter filter) {
        Long n = jdbc.queryForObject("select count(*) from run_unit where run_id = ?" + where(filter), Long.class, runId);
        return n == null ? 0 : n;
    }

    /** By replicate, then condition in run order: the SQL of {@link io.crystallize.server.engine.UnitOrder}; adds the conditions to {@code args}. */
    private static String order(List<String> conditions, List<Object> args) {
        StringBuilder sql = new StringBuilder(" order by replicate, case condition");
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(" when ? then ").append(i);
            args.add(conditions.get(i));
        }
        return sql.append(" else ").append(conditions.size()).append(" end, condition").toString();
    }

    private static String where(Filter filter) {
        return switch (filter) {
            case ALL -> "";
            case WITH_SEED -> " and seed is not null";
            case FAILED -> " and status = 'FAILED'";
            case SKIPPED -> " and status = 'SKIPPED'";
        };
    }

    private static Row row(ResultSet rs, boolean details) throws SQLException {
        long seed = rs.getLong(4);
        Long boxedSeed = rs.wasNull() ? null : seed;
        return new Row(rs.getInt(1), rs.getString(2), UnitStatus.valueOf(rs.getString(3)), boxedSeed, rs.getString(5),
                rs.getTimestamp(6), details ? rs.getString(7) : null, details ? rs.getString(8) : null,
                details ? rs.getString(9) : null, details ? rs.getString(10) : null);
    }
}
