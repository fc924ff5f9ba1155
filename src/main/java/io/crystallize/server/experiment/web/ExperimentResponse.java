package io.crystallize.server.experiment.web;

import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentDefinition.HypothesisSpec;
import io.crystallize.server.experiment.ExperimentDefinition.TreatmentSpec;
import io.crystallize.server.experiment.ExperimentView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored experiment: its identity, workspace, fingerprint and creation time, and the (normalized) definition. */
record ExperimentResponse(UUID id, String name, String description, String fingerprint, Instant createdAt,
                          ComponentSpec datasource, List<ComponentSpec> steps, Map<String, Object> initialContext,
                          List<TreatmentSpec> treatments, List<HypothesisSpec> hypotheses, int replicates,
                          List<ComponentSpec> plugins, Map<String, String> tags, UUID workspace, Map<String, String> links) {

    static ExperimentResponse of(ExperimentView v) {
        ExperimentDefinition d = v.definition();
        return new ExperimentResponse(v.id(), v.name(), d.description(), v.fingerprint(), v.createdAt(), d.datasource(),
                d.steps(), d.initialContext(), d.treatments(), d.hypotheses(), d.replicates(), d.plugins(), d.tags(),
                v.workspaceId(), Map.of("runs", "/api/runs?experimentId=" + v.id()));
    }
}
