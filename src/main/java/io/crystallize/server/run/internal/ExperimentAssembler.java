package io.crystallize.server.run.internal;

import io.crystallize.server.run.GlobalPlugin;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.MemoryBudget;
import io.crystallize.server.engine.UnitLimits;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.DatasourceInvocation;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.Hypothesis;
import io.crystallize.server.engine.ParamResolver;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.Treatment;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.Placement;
import io.crystallize.server.engine.spi.StepCache;
import io.crystallize.server.engine.spi.Verifier;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentDefinition.HypothesisSpec;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.experiment.Hypotheses;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the engine's {@link Experiment} for one stored run from its experiment's definition: catalog lookups, the
 * run's conditions and replicates, fresh plugins from their factories ({@link RunPlugins}), then the global plugins.
 */
@Component
class ExperimentAssembler {

    private final ExperimentService experiments;
    private final Catalog catalog;
    private final RunPlugins runPlugins;
    private final List<ExperimentPlugin> globalPlugins;
    private final UnitLimits limits;
    private final StepCache stepCache;

    ExperimentAssembler(ExperimentService experiments, Catalog catalog, RunPlugins runPlugins,
                        List<GlobalPlugin> globalPlugins, ResourceLimits limits, MemoryBudget budget, StepCache stepCache) {
        this.experiments = experiments;
        this.catalog = catalog;
        this.runPlugins = runPlugins;
        this.stepCache = stepCache;
        this.globalPlugins = List.copyOf(globalPlugins);
        this.limits = limits.unitLimits(budget);
    }

    /** The engine's experiment for a stored run: its experiment's definition is read (and parsed) here, once. */
    Experiment experiment(Run run, RunLog log, CancellationToken token) {
        return experiment(experiments.get(run.getExperimentId()), run, log, token);
    }

    /** The engine's experiment for a stored run of {@code view}, the experiment the caller has read already. */
    Experiment experiment(ExperimentView view, Run run, RunLog log, CancellationToken token) {
        ExperimentDefinition d = view.definition();
        List<String> conditions = run.getConditions();
        List<Treatment> treatments = d.treatments().stream()
                .filter(t -> t.name().equals("baseline") || conditions.contains(t.name()))
                .map(t -> new Treatment(t.name(), t.context())).toList();
        List<StepInvocation> steps = new ArrayList<>();
        for (int i = 0; i < d.steps().size(); i++) {
            ComponentSpec s = d.steps().get(i);
            // Placeable components (remote calls) learn where they run: the run, and their index in the pipeline.
            steps.add(new StepInvocation(i, placement(view, run, i).bind(catalog.step(s.type())
                    .orElseThrow(() -> missing("step", s.type()))), s.params(), s.cached()));
        }
        return Experiment.builder()
                .id(view.id().toString()).name(view.name()).runId(run.getId().toString()).fingerprint(view.fingerprint())
                .replicates(run.getReplicates())
                .datasource(new DatasourceInvocation(placement(view, run, Placement.DATASOURCE).bind(
                        catalog.datasource(d.datasource().type()).orElseThrow(() -> missing("datasource",
                                d.datasource().type()))), d.datasource().params()))
                .steps(steps).initialContext(d.initialContext()).treatments(treatments)
                .hypotheses(run.isDebug() ? List.of() : hypotheses(d))
                .plugins(plugins(d, run.isDebug()))
                .log(log).cancellation(token).limits(limits).baseSeed(run.getBaseSeed()).version(run.getVersion())
                .startedAt(run.getStartedAt()).stepCache(stepCache)
                .build();
    }

    private static Placement placement(ExperimentView view, Run run, int index) {
        return new Placement(view.id().toString(), view.name(), run.getId().toString(), index);
    }

    /** A type removed from the catalog after submission (e.g. a deleted remote component) fails the run clearly. */
    private static IllegalStateException missing(String kind, String type) {
        return new IllegalStateException(kind + " type '" + type + "' is no longer in the catalog");
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
        List<ExperimentPlugin> plugins = new ArrayList<>();
        runPlugins.of(d, debug).forEach(e -> plugins.add(e.factory().create(e.params())));
        plugins.addAll(globalPlugins);
        return plugins;
    }
}
