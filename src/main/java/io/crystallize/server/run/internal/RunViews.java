package io.crystallize.server.run.internal;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;

import io.crystallize.server.run.internal.UnitCursor.Filter;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns stored runs and units into the views of the HTTP API. A run's progress is its row's counters (a
 * primary-key read); a run's seeds and units are written from a cursor as they are read.
 */
@Component
class RunViews {

    private final UnitCursor cursor;
    private final JsonMapper json;

    RunViews(UnitCursor cursor, JsonMapper json) {
        this.cursor = cursor;
        this.json = json;
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
    static String etag(Run run) {
        return "\"" + run.getId() + "-" + run.getRowVersion() + "-" + run.getCompletedUnits() + "-"
                + run.getFailedUnits() + "-" + run.getSkippedUnits() + "\"";
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
