package io.crystallize.server.run.internal;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;

import io.crystallize.server.engine.MetricAggregation;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.run.ResultsView.UnitProblem;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns stored runs and units into the views of the HTTP API. */
@Component
class RunViews {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final RunUnitRepository units;
    private final RunHypothesisRepository hypotheses;
    private final UnitStore unitStore;
    private final JsonMapper json;

    RunViews(RunUnitRepository units, RunHypothesisRepository hypotheses, UnitStore unitStore, JsonMapper json) {
        this.units = units;
        this.hypotheses = hypotheses;
        this.unitStore = unitStore;
        this.json = json;
    }

    RunView view(Run run) {
        return view(run, counts(List.of(run.getId())).getOrDefault(run.getId(), new EnumMap<>(UnitStatus.class)),
                cacheHits(List.of(run.getId())));
    }

    Page<RunView> views(Page<Run> page) {
        List<UUID> ids = page.getContent().stream().map(Run::getId).toList();
        Map<UUID, Map<UnitStatus, Long>> counts = counts(ids);
        Map<UUID, Long> hits = cacheHits(ids);
        return page.map(r -> view(r, counts.getOrDefault(r.getId(), new EnumMap<>(UnitStatus.class)), hits));
    }

    private Map<UUID, Long> cacheHits(List<UUID> runIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (!runIds.isEmpty()) {
            for (Object[] row : units.sumCacheHits(runIds)) {
                out.put((UUID) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
            }
        }
        return out;
    }

    private RunView view(Run run, Map<UnitStatus, Long> counts, Map<UUID, Long> hits) {
        List<String> conditions = RunConditions.of(run, json);
        long failed = counts.getOrDefault(UnitStatus.FAILED, 0L);
        RunView.Progress progress = new RunView.Progress(counts.getOrDefault(UnitStatus.COMPLETED, 0L), failed,
                counts.getOrDefault(UnitStatus.SKIPPED, 0L), (long) run.getReplicates() * conditions.size());
        return new RunView(run.getId(), run.getExperimentId(), run.getVersion(), run.getStatus(), run.getBaseSeed(),
                run.getReplicates(), conditions, progress, run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt(),
                failed, run.getStrategy(), run.isDebug(), run.isCancelRequested(), run.getNode(), run.getFailure(),
                RunView.links(run.getId()), hits.getOrDefault(run.getId(), 0L),
                run.getUpstreamRunsJson() == null ? null : List.of(json.readValue(run.getUpstreamRunsJson(), UUID[].class)));
    }

    private Map<UUID, Map<UnitStatus, Long>> counts(List<UUID> runIds) {
        Map<UUID, Map<UnitStatus, Long>> out = new HashMap<>();
        if (runIds.isEmpty()) {
            return out;
        }
        for (Object[] row : units.countByStatus(runIds)) {
            out.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(UnitStatus.class))
                    .put((UnitStatus) row[1], ((Number) row[2]).longValue());
        }
        return out;
    }

    ResultsView results(Run run, List<String> conditions) {
        List<UnitOutcome> outcomes = outcomes(run, conditions);
        Map<String, UnitProblem> errors = new LinkedHashMap<>();
        Map<String, UnitProblem> skipped = new LinkedHashMap<>();
        for (UnitOutcome u : outcomes) {
            UnitError e = u.error();
            if (u.status() == UnitStatus.FAILED) {
                errors.put(u.key(), new UnitProblem(e.type(), e.message(), u.replicate(), u.condition(), e.stackTrace()));
            } else if (u.status() == UnitStatus.SKIPPED) {
                skipped.put(u.key(), new UnitProblem(e.type(), e.message(), u.replicate(), u.condition(), null));
            }
        }
        List<Map<String, Object>> verified = hypotheses.findByRunIdOrderByPositionAsc(run.getId()).stream()
                .map(h -> json.readValue(h.getResultJson(), OBJECT)).toList();
        return new ResultsView(run.getStatus().name(), MetricAggregation.valuesByCondition(conditions, outcomes), verified,
                errors, skipped, RunView.links(run.getId()));
    }

    List<SeedView> seeds(Run run, List<String> conditions) {
        return outcomes(run, conditions).stream().filter(u -> u.seed() != null)
                .map(u -> new SeedView(u.replicate(), u.condition(), u.seed())).toList();
    }

    List<UnitView> units(Run run, List<String> conditions) {
        List<RunUnit> rows = new java.util.ArrayList<>(units.findByRunIdOrderByReplicateAsc(run.getId()));
        rows.sort(java.util.Comparator.comparingInt(RunUnit::getReplicate)
                .thenComparingInt(u -> conditions.indexOf(u.getCondition())));
        return rows.stream().map(u -> new UnitView(u.getReplicate(), u.getCondition(), u.getStatus(), u.getSeed(),
                u.getNode(), u.getFinishedAt())).toList();
    }

    /** The run's stored units, by replicate and then condition in run order. */
    List<UnitOutcome> outcomes(Run run, List<String> conditions) {
        List<UnitOutcome> outcomes = new java.util.ArrayList<>(units.findByRunIdOrderByReplicateAsc(run.getId()).stream()
                .map(unitStore::outcome).toList());
        outcomes.sort(RunResult.order(conditions));
        return outcomes;
    }
}
