package io.crystallize.server.run.internal;

import io.crystallize.server.run.GlobalPlugin;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.DatasourceInvocation;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.Hypothesis;
import io.crystallize.server.engine.ParamResolver;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.Treatment;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.Verifier;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentDefinition.HypothesisSpec;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.experiment.Hypotheses;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the engine's {@link Experiment} for one run from the stored definition: catalog lookups, the run's
 * treatments and replicates, fresh plugins from their factories, and the default plugins of SPEC §2.
 */
@Component
class ExperimentAssembler {

    /** Plugins that provide {@code runExperimentLoop}; a debug run drops them and runs serially. */
    static final Set<String> EXECUTION_PLUGINS = Set.of("serial", "parallel", "distributed");
    /** Added, in this order, when a run's plugin list lacks them (crystallize appends the same three). */
    static final List<String> DEFAULT_PLUGINS = List.of("artifacts", "seed", "logging");

    private final Catalog catalog;
    private final List<ExperimentPlugin> globalPlugins;
    private final io.crystallize.server.engine.spi.StepCache stepCache;

    ExperimentAssembler(Catalog catalog, List<GlobalPlugin> globalPlugins, io.crystallize.server.engine.spi.StepCache stepCache) {
        this.catalog = catalog;
        this.stepCache = stepCache;
        this.globalPlugins = List.copyOf(globalPlugins);
    }

    Experiment assemble(ExperimentView view, Run run, List<String> conditions, RunLog log, CancellationToken token) {
        ExperimentDefinition d = view.definition();
        List<Treatment> treatments = d.treatments().stream()
                .filter(t -> t.name().equals("baseline") || conditions.contains(t.name()))
                .map(t -> new Treatment(t.name(), t.context())).toList();
        List<StepInvocation> steps = new ArrayList<>();
        for (int i = 0; i < d.steps().size(); i++) {
            ComponentSpec s = d.steps().get(i);
            steps.add(new StepInvocation(i, catalog.step(s.type()).orElseThrow(), s.params(), s.cached()));
        }
        return Experiment.builder()
                .id(view.id().toString()).name(view.name()).runId(run.getId().toString()).fingerprint(view.fingerprint())
                .replicates(run.getReplicates())
                .datasource(new DatasourceInvocation(catalog.datasource(d.datasource().type()).orElseThrow(),
                        d.datasource().params()))
                .steps(steps).initialContext(d.initialContext()).treatments(treatments)
                .hypotheses(run.isDebug() ? List.of() : hypotheses(d))
                .plugins(plugins(d, run.isDebug()))
                .log(log).cancellation(token).baseSeed(run.getBaseSeed()).version(run.getVersion())
                .startedAt(run.getStartedAt()).stepCache(stepCache)
                .build();
    }

    private List<Hypothesis> hypotheses(ExperimentDefinition d) {
        List<Hypothesis> out = new ArrayList<>();
        for (HypothesisSpec h : d.hypotheses()) {
            Verifier verifier = catalog.verifier(h.verifier().type()).orElseThrow();
            String name = h.name() == null ? "hypothesis" : h.name();
            out.add(new Hypothesis(name, verifier, ParamResolver.resolve("verifier '" + verifier.type() + "'",
                    verifier.params(), h.verifier().params(), null), Hypotheses.groups(h.metrics()).orElseThrow(),
                    Hypotheses.grouped(h.metrics()), Hypotheses.ranker(h.ranker()).orElseThrow(), h.correction()));
        }
        return out;
    }

    private List<ExperimentPlugin> plugins(ExperimentDefinition d, boolean debug) {
        List<ComponentSpec> specs = new ArrayList<>();
        for (ComponentSpec p : d.plugins()) {
            if (debug && EXECUTION_PLUGINS.contains(p.type())) {
                continue;
            }
            if (debug && p.type().equals("logging")) {
                Map<String, Object> params = new LinkedHashMap<>(p.params());
                params.put("verbose", true);
                p = new ComponentSpec(p.type(), params);
            }
            specs.add(p);
        }
        for (String type : DEFAULT_PLUGINS) {
            if (specs.stream().noneMatch(s -> s.type().equals(type)) && catalog.plugin(type).isPresent()) {
                specs.add(new ComponentSpec(type, debug && type.equals("logging") ? Map.of("verbose", true) : Map.of()));
            }
        }
        List<ExperimentPlugin> plugins = new ArrayList<>();
        for (ComponentSpec spec : specs) {
            PluginFactory factory = catalog.plugin(spec.type()).orElseThrow();
            plugins.add(factory.create(ParamResolver.resolve("plugin '" + spec.type() + "'", factory.params(),
                    spec.params(), null)));
        }
        plugins.addAll(globalPlugins);
        return plugins;
    }
}
