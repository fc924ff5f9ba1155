package io.crystallize.server.run.internal;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.Tagged;
import io.crystallize.server.run.UnitView;

import io.crystallize.server.run.internal.UnitCursor.Filter;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns stored runs and units into the views of the HTTP API. A run's progress is its row's counters (a
 * primary-key read); a run's seeds and units are written from a cursor as they are read.
 */
@Component
class RunViews {

    /** The columns of {@link #tagged}, in the order {@link #view(ResultSet)} reads them. */
    private static final String ROW = "select id, experiment_id, version, status, base_seed, replicates, conditions_json, "
            + "completed_units, failed_units, skipped_units, created_at, started_at, finished_at, strategy, debug, "
            + "cancel_requested, node, failure, created_by, cancelled_by, cache_hits, upstream_runs_json, row_version "
            + "from run where id = ?";
    private static final RunConditions CONDITIONS = new RunConditions();

    private final UnitCursor cursor;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    RunViews(UnitCursor cursor, JsonMapper json, JdbcClient jdbc) {
        this.cursor = cursor;
        this.json = json;
        this.jdbc = jdbc;
    }

    /**
     * A run's view and ETag as stored now, by one plain SQL read of its row: no JPA session, entity or transaction.
     * This is what a status poll costs ({@code GET /api/runs/{id}}, the most frequent request); it answers the same
     * view as {@link #view(Run)} of the entity (RunViewsTest compares them).
     */
    Optional<Tagged<RunView>> tagged(UUID runId) {
        return jdbc.sql(ROW).param(runId)
                .query((rs, row) -> new Tagged<>(etag(runId, rs.getLong(23), rs.getLong(8), rs.getLong(9), rs.getLong(10)),
                        view(rs)))
                .optional();
    }

    /** A run's status as stored now (plain SQL); empty for a run that is not stored. */
    Optional<RunStatus> status(UUID runId) {
        return jdbc.sql("select status from run where id = ?").param(runId)
                .query((rs, row) -> RunStatus.valueOf(rs.getString(1))).optional();
    }

    private RunView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        List<String> conditions = CONDITIONS.convertToEntityAttribute(rs.getString(7));
        int replicates = rs.getInt(6);
        long failed = rs.getLong(9);
        long baseSeed = rs.getLong(5);
        Long seed = rs.wasNull() ? null : baseSeed;
        String upstream = rs.getString(22);
        return new RunView(id, rs.getObject(2, UUID.class), rs.getInt(3), RunStatus.valueOf(rs.getString(4)), seed,
                replicates, conditions, new RunView.Progress(rs.getLong(8), failed, rs.getLong(10),
                        (long) replicates * conditions.size()),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), failed, rs.getString(14), rs.getBoolean(15),
                rs.getBoolean(16), rs.getString(17), rs.getString(18), rs.getObject(19, UUID.class),
                rs.getObject(20, UUID.class), RunView.links(id), rs.getLong(21),
                upstream == null ? null : List.of(json.readValue(upstream, UUID[].class)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    RunView view(Run run) {
        return view(run, 0);
    }

    /** The view of a run whose row does not show {@code keptUnits} completed units yet (copied by a resume). */
    RunView view(Run run, long keptUnits) {
        List<String> conditions = run.getConditions();
        RunView.Progress progress = new RunView.Progress(run.getCompletedUnits() + keptUnits, run.getFailedUnits(),
                run.getSkippedUnits(), (long) run.getReplicates() * conditions.size());
        return new RunView(run.getId(), run.getExperimentId(), run.getVersion(), run.getStatus(), run.getBaseSeed(),
                run.getReplicates(), conditions, progress, run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt(),
                run.getFailedUnits(), run.getStrategy(), run.isDebug(), run.isCancelRequested(), run.getNode(),
                run.getFailure(), run.getCreatedBy(), run.getCancelledBy(), RunView.links(run.getId()),
                run.getCacheHits(), run.getUpstreamRunsJson() == null ? null
                        : List.of(json.readValue(run.getUpstreamRunsJson(), UUID[].class)));
    }

    Page<RunView> views(Page<Run> page) {
        return page.map(this::view);
    }

    /** The run's ETag: it changes with the row (status, cancel, …: its version) and with every stored batch. */
    private static String etag(UUID id, long rowVersion, long completed, long failed, long skipped) {
        return "\"" + id + "-" + rowVersion + "-" + completed + "-" + failed + "-" + skipped + "\"";
    }

    /** Every seed of the stored units, by replicate then condition, written as a JSON array as they are read. */
    void seeds(Run run, List<String> conditions, OutputStream out) {
        array(out, g -> cursor.forEach(run.getId(), conditions, Filter.WITH_SEED, false, 0, -1,
                u -> json.writeValue(g, seed(u))));
    }

    /** {@code limit} seeds from {@code offset} on (a page; {@code limit} &lt; 0 for all). */
    List<SeedView> seeds(Run run, List<String> conditions, long offset, int limit) {
        return seeds(run.getId(), conditions, offset, limit);
    }

    List<SeedView> seeds(UUID runId, List<String> conditions, long offset, int limit) {
        List<SeedView> seeds = new ArrayList<>();
        cursor.forEach(runId, conditions, Filter.WITH_SEED, false, offset, limit, u -> seeds.add(seed(u)));
        return seeds;
    }

    void units(Run run, List<String> conditions, OutputStream out) {
        array(out, g -> cursor.forEach(run.getId(), conditions, Filter.ALL, false, 0, -1,
                u -> json.writeValue(g, unit(u))));
    }

    /**
     * Every unit's provenance as a JSON array, written as read: {@code steps} is the stored JSON as it is (no parse),
     * which keeps the read as cheap as the write.
     */
    void provenance(Run run, List<String> conditions, OutputStream out) {
        array(out, g -> cursor.provenance(run.getId(), conditions, u -> {
            g.writeStartObject();
            g.writeNumberProperty("replicate", u.replicate());
            g.writeStringProperty("condition", u.condition());
            g.writeStringProperty("status", u.status().name());
            g.writeNumberProperty("cacheHits", u.cacheHits());
            g.writeName("steps");
            g.writeRawValue(u.stepsJson() == null ? "[]" : u.stepsJson());
            g.writeEndObject();
        }));
    }

    List<UnitView> units(Run run, List<String> conditions, long offset, int limit) {
        List<UnitView> units = new ArrayList<>();
        cursor.forEach(run.getId(), conditions, Filter.ALL, false, offset, limit, u -> units.add(unit(u)));
        return units;
    }

    private static SeedView seed(UnitCursor.Row u) {
        return new SeedView(u.replicate(), u.condition(), u.seed());
    }

    private static UnitView unit(UnitCursor.Row u) {
        return new UnitView(u.replicate(), u.condition(), u.status(), u.seed(), u.node(), u.finishedAt().toInstant());
    }

    long count(Run run, Filter filter) {
        return filter == Filter.ALL ? run.getCompletedUnits() + run.getFailedUnits() + run.getSkippedUnits()
                : cursor.count(run.getId(), filter);
    }

    private void array(OutputStream out, java.util.function.Consumer<JsonGenerator> body) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartArray();
            body.accept(g);
            g.writeEndArray();
        }
    }
}
