package io.crystallize.server.optimization.internal;

import io.crystallize.server.optimization.OptimizationView;
import io.crystallize.server.optimization.OptimizationRequest.Dimension;
import io.crystallize.server.optimization.OptimizationRequest.Objective;
import io.crystallize.server.optimization.OptimizationView.TrialView;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads stored optimizations: their spec, sampler and trials, and the view with the best trial. */
@Component
class OptimizationViews {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** The stored request parts. */
    record Spec(Map<String, Dimension> space, Objective objective) {
    }

    private final TrialRepository trials;
    private final JsonMapper json;

    OptimizationViews(TrialRepository trials, JsonMapper json) {
        this.trials = trials;
        this.json = json;
    }

    Spec spec(Optimization o) {
        return json.readValue(o.getSpecJson(), Spec.class);
    }

    Sampler sampler(Optimization o) {
        Spec spec = spec(o);
        return Sampler.of(o.getSampler(), new LinkedHashMap<>(spec.space()), o.getSamplerSeed(),
                SpaceValidator.gridSize(spec.space(), o.getPlannedTrials()));
    }

    Map<String, Object> params(Trial t) {
        return json.readValue(t.getParamsJson(), OBJECT);
    }

    OptimizationView view(Optimization o) {
        Spec spec = spec(o);
        List<TrialView> views = trials.findByOptimizationIdOrderByTrialAsc(o.getId()).stream()
                .map(t -> new TrialView(t.getTrial(), TrialRunner.condition(t.getTrial()), params(t), t.getStatus().name(),
                        t.isExternal(), t.getValue(), t.getError(), t.getFinishedAt())).toList();
        Comparator<TrialView> byValue = Comparator.comparingDouble(TrialView::value);
        TrialView best = views.stream().filter(t -> t.value() != null)
                .min(spec.objective().maximize() ? byValue.reversed() : byValue).orElse(null);
        return new OptimizationView(o.getId(), o.getExperimentId(), o.getStatus().name(), o.getSampler(),
                o.getSamplerSeed(), o.getBaseSeed(), spec.space(), spec.objective(), o.getPlannedTrials(), views, best,
                o.getFailure(), o.getCreatedAt(), o.getFinishedAt());
    }
}
