package io.crystallize.server.run;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.MemoryBudget;
import io.crystallize.server.engine.UnitLimits;
import io.crystallize.server.engine.spi.Placement;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.DatasourceInvocation;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Single units of an experiment's pipeline outside a stored run: an {@code apply} pass and optimizer trials.
 * Only the seed plugin joins (configured as in the definition, so a trial's unit seeds are the ordinary ones of
 * its replicate); nothing is stored, no artifacts are written, no run-level hook runs.
 */
@Component
public class PipelinePass {

    private final Catalog catalog;
    private final ExperimentEngine engine;
    private final UnitLimits limits;

    PipelinePass(Catalog catalog, ExperimentEngine engine, ResourceLimits limits, MemoryBudget budget) {
        this.catalog = catalog;
        this.engine = engine;
        this.limits = limits.unitLimits(budget);
    }

    /** What one unit ended with: its outcome and the data the last step returned (null when it failed). */
    public record UnitPass(UnitOutcome outcome, Object data) {
    }

    /** The base seed of the definition's seed plugin, or null when it draws one. */
    public static Long configuredSeed(ExperimentDefinition d) {
        return seedPlugin(d).map(p -> p.params().get("seed")).filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue()).orElse(null);
    }

    /**
     * Runs one unit: replicate {@code replicate} of {@code condition} with the context {@code additions}, seeded
     * from {@code baseSeed} as the seed plugin of the definition would. {@code data}, when not null, replaces the
     * datasource's output.
     */
    public UnitPass run(ExperimentView view, long baseSeed, Object data, int replicate, String condition,
                        Map<String, Object> additions, CancellationToken token) {
        ExperimentDefinition d = view.definition();
        List<StepInvocation> steps = new ArrayList<>();
        for (int i = 0; i < d.steps().size(); i++) {
            ComponentSpec s = d.steps().get(i);
            // Placed as in a run (without a run id): remote components name their step, the artifact datasource
            // reads the experiment's workspace.
            steps.add(new StepInvocation(i, placement(view, i).bind(catalog.step(s.type()).orElseThrow()), s.params(),
                    s.cached()));
        }
        Datasource datasource = data != null ? constant(data)
                : placement(view, Placement.DATASOURCE).bind(catalog.datasource(d.datasource().type()).orElseThrow());
        boolean autoSeed = seedPlugin(d).map(p -> !Boolean.FALSE.equals(p.params().get("autoSeed"))).orElse(true);
        AtomicReference<Object> last = new AtomicReference<>();
        ExperimentPlugin capture = new ExperimentPlugin() {
            @Override
            public void afterStep(Experiment experiment, StepInvocation step, Object out, FrozenContext ctx) {
                last.set(out);
            }
        };
        Experiment experiment = Experiment.builder()
                .id(view.id().toString()).name(view.name()).runId("pass").fingerprint(view.fingerprint())
                .replicates(replicate + 1)
                .datasource(new DatasourceInvocation(datasource, data != null ? Map.of() : d.datasource().params()))
                .steps(steps).initialContext(d.initialContext())
                .plugins(List.of(new SeedPlugin(baseSeed, autoSeed), capture))
                .log(RunLog.NONE).cancellation(token).limits(limits).baseSeed(baseSeed).build();
        engine.attach(experiment);
        UnitOutcome outcome = engine.runUnit(experiment, replicate,
                condition == null ? ContextKeys.BASELINE_CONDITION : condition, additions);
        return new UnitPass(outcome, outcome.status() == io.crystallize.server.engine.UnitStatus.COMPLETED ? last.get() : null);
    }

    private static Placement placement(ExperimentView view, int index) {
        return new Placement(view.id().toString(), view.name(), null, index);
    }

    private static java.util.Optional<ComponentSpec> seedPlugin(ExperimentDefinition d) {
        return d.plugins().stream().filter(p -> p.type().equals("seed")).findFirst();
    }

    private static Datasource constant(Object data) {
        return new Datasource() {
            @Override public String type() { return "apply.data"; }
            @Override public String description() { return "the data given to apply"; }
            @Override public List<ParamSpec> params() { return List.of(); }
            @Override public Object fetch(FrozenContext ctx, Params params) { return data; }
        };
    }
}
