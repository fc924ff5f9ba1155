package io.crystallize.server.run.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.run.FailedUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a run's stored units from a database cursor over its batches ({@code run_unit_batch}, a row per batch of
 * units, {@link UnitBatch}), a few batches at a time, so a read of a run of any size takes flat memory. Units come
 * by replicate, then condition in run order (API.md): batches are read by their first replicate and merged, and a
 * unit is passed on once no batch still to come can hold a unit before it. Batches overlap only by the units a
 * writer had in flight together, so the merge holds about a batch. PostgreSQL streams only inside a transaction:
 * each read joins the caller's or is its own read-only one.
 */
@Component
class UnitCursor {

    /** The rows a cursor yields: which units, and whether with their metrics and errors. */
    enum Filter { ALL, WITH_SEED, FAILED, SKIPPED }

    /** One stored unit; {@code metricsJson} and the error fields only when asked for. */
    record Row(int replicate, String condition, UnitStatus status, Long seed, String node, Timestamp finishedAt,
               String metricsJson, String errorType, String errorMessage, String errorTrace) {
    }

    /** Batches fetched at a time: each is up to a few hundred KB. */
    static final int FETCH_SIZE = 8;
    /** A row id of {@link #failedAfter}: the batch's id shifted by this, plus the unit's position in it from 1. */
    static final int ROW_BITS = 20;

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
        long[] skipped = {0};
        int[] taken = {0};
        scan(runId, batches(filter), details, order(conditions), unit -> keeps(filter, unit), u -> {
            if (skipped[0] < offset) {
                skipped[0]++;
                return true;
            }
            if (limit >= 0 && taken[0] >= limit) {
                return false;
            }
            taken[0]++;
            each.accept(row(u));
            return true;
        });
    }

    /** One stored unit's provenance: its steps as stored (a JSON array, null when no step ran). */
    record ProvenanceRow(int replicate, String condition, UnitStatus status, int cacheHits, String stepsJson) {
    }

    /** Every unit's provenance, by replicate then condition in run order. */
    void provenance(UUID runId, List<String> conditions, Consumer<ProvenanceRow> each) {
        scan(runId, "", true, order(conditions), u -> true, u -> {
            each.accept(new ProvenanceRow(u.replicate(), u.condition(), u.status(), u.cacheHits(), u.provenanceJson()));
            return true;
        });
    }

    /** The completed units' conditions and metrics, in replicate order (the conditions of a replicate interleaved). */
    void metrics(UUID runId, BiConsumer<String, String> each) {
        scan(runId, " and completed > 0", true, order(List.of()), u -> u.status() == UnitStatus.COMPLETED, u -> {
            each.accept(u.condition(), u.metricsJson());
            return true;
        });
    }

    /** Every stored unit with all its fields, by replicate then condition in run order. */
    void units(UUID runId, List<String> conditions, Consumer<UnitBatch.Unit> each) {
        scan(runId, "", true, order(conditions), u -> true, u -> {
            each.accept(u);
            return true;
        });
    }

    /** Every stored unit's key and status (no metrics, errors or provenance), by replicate. */
    void keys(UUID runId, Consumer<UnitBatch.Unit> each) {
        scan(runId, "", false, order(List.of()), u -> true, u -> {
            each.accept(u);
            return true;
        });
    }

    long count(UUID runId, Filter filter) {
        String column = switch (filter) {
            case ALL -> "units";
            case WITH_SEED -> "with_seed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
        Long n = jdbc.queryForObject("select coalesce(sum(" + column + "), 0) from run_unit_batch where run_id = ?",
                Long.class, runId);
        return n == null ? 0 : n;
    }

    /**
     * The run's failed units stored after unit row {@code afterRow} (0: from the first), in storage order: batch by
     * batch, each in the order its writer stored it. Each comes with its row (for the next call) and its position
     * among all the run's stored units from 1 (for the ids of {@code unit-failed} events).
     */
    List<FailedUnit> failedAfter(UUID runId, long afterRow) {
        long afterBatch = afterRow >>> ROW_BITS;
        long afterIndex = afterRow & ((1L << ROW_BITS) - 1);
        List<FailedUnit> failed = new ArrayList<>();
        readOnly.executeWithoutResult(s -> {
            Long before = jdbc.queryForObject("select coalesce(sum(units), 0) from run_unit_batch "
                    + "where run_id = ? and id < ?", Long.class, runId, afterBatch);
            long[] position = {before == null ? 0 : before};
            jdbc.query("select id, units, case when failed > 0 then data end from run_unit_batch "
                    + "where run_id = ? and id >= ? order by id", rs -> {
                long batch = rs.getLong(1);
                int units = rs.getInt(2);
                byte[] data = rs.getBytes(3);
                if (data != null) {
                    long base = position[0];
                    int[] index = {0};
                    UnitBatch.decode(data, true, u -> {
                        int i = ++index[0];
                        if (u.status() == UnitStatus.FAILED && (batch > afterBatch || i > afterIndex)) {
                            failed.add(new FailedUnit((batch << ROW_BITS) + i, base + i,
                                    ContextKeys.unitKey(u.condition(), u.replicate()), u.errorType(), u.errorMessage()));
                        }
                    });
                }
                position[0] += units;
            }, runId, afterBatch);
        });
        return failed;
    }

    /**
     * Units of a run's batches (those of {@code batchWhere}) that {@code keep} keeps, passed to {@code each} in
     * {@code order} until it returns false.
     */
    private void scan(UUID runId, String batchWhere, boolean details, Comparator<UnitBatch.Unit> order,
                      Predicate<UnitBatch.Unit> keep, Predicate<UnitBatch.Unit> each) {
        String sql = "select first_replicate, data from run_unit_batch where run_id = ?" + batchWhere
                + " order by first_replicate, id";
        readOnly.executeWithoutResult(s -> jdbc.query(sql, (ResultSetExtractor<Void>) rs -> {
            PriorityQueue<UnitBatch.Unit> pending = new PriorityQueue<>(order);
            while (rs.next()) {
                int first = rs.getInt(1);
                while (!pending.isEmpty() && pending.peek().replicate() < first) {
                    if (!each.test(pending.poll())) {
                        return null;
                    }
                }
                UnitBatch.decode(rs.getBytes(2), details, u -> {
                    if (keep.test(u)) {
                        pending.add(u);
                    }
                });
            }
            while (!pending.isEmpty()) {
                if (!each.test(pending.poll())) {
                    return null;
                }
            }
            return null;
        }, runId));
    }

    /** By replicate, then condition in run order (those not in it after, by name): {@link io.crystallize.server.engine.UnitOrder}. */
    private static Comparator<UnitBatch.Unit> order(List<String> conditions) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            rank.putIfAbsent(conditions.get(i), i);
        }
        int unknown = conditions.size();
        return Comparator.comparingInt(UnitBatch.Unit::replicate)
                .thenComparingInt((UnitBatch.Unit u) -> rank.getOrDefault(u.condition(), unknown))
                .thenComparing(UnitBatch.Unit::condition);
    }

    private static String batches(Filter filter) {
        return switch (filter) {
            case ALL -> "";
            case WITH_SEED -> " and with_seed > 0";
            case FAILED -> " and failed > 0";
            case SKIPPED -> " and skipped > 0";
        };
    }

    private static boolean keeps(Filter filter, UnitBatch.Unit u) {
        return switch (filter) {
            case ALL -> true;
            case WITH_SEED -> u.seed() != null;
            case FAILED -> u.status() == UnitStatus.FAILED;
            case SKIPPED -> u.status() == UnitStatus.SKIPPED;
        };
    }

    private static Row row(UnitBatch.Unit u) {
        return new Row(u.replicate(), u.condition(), u.status(), u.seed(), u.node(), Timestamp.from(u.finishedAt()),
                u.metricsJson(), u.errorType(), u.errorMessage(), u.errorTrace());
    }
}
