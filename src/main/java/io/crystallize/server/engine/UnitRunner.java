package io.crystallize.server.engine;

import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one replicate: the baseline unit, then each treatment unit in order, each through the per-unit
 * hooks of SPEC §2. A unit's failure is recorded on that unit; a failed baseline skips the replicate's
 * treatments (recorded SKIPPED). Units already in {@code done} are not run again.
 */
final class UnitRunner {

    private final Experiment experiment;
    private final Map<String, UnitOutcome> done;
    private final UnitListener listener;

    UnitRunner(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener) {
        this.experiment = experiment;
        this.done = done;
        this.listener = listener;
    }

    ReplicateResult runReplicate(int replicate) {
        List<UnitOutcome> units = new ArrayList<>();
        UnitOutcome baseline = done.get(ContextKeys.unitKey(ContextKeys.BASELINE_CONDITION, replicate));
        if (baseline == null) {
            baseline = report(runUnit(replicate, ContextKeys.BASELINE_CONDITION,
                    experiment.baselineTreatment().map(Treatment::context).orElse(Map.of())));
        }
        units.add(baseline);
        for (Treatment treatment : experiment.treatments()) {
            UnitOutcome previous = done.get(ContextKeys.unitKey(treatment.name(), replicate));
            if (previous != null) {
                units.add(previous);
            } else if (baseline.status() != UnitStatus.COMPLETED) {
                units.add(report(UnitOutcome.skipped(replicate, treatment.name(),
                        "baseline of replicate " + replicate + " did not complete")));
            } else {
                units.add(report(runUnit(replicate, treatment.name(), treatment.context())));
            }
        }
        return new ReplicateResult(replicate, units);
    }

    private UnitOutcome report(UnitOutcome outcome) {
        listener.onUnit(outcome);
        return outcome;
    }

    UnitOutcome runUnit(int replicate, String condition, Map<String, Object> additions) {
        experiment.cancellation().throwIfCancelled();
        List<ExperimentPlugin> plugins = experiment.plugins();
        FrozenContext ctx = new FrozenContext(experiment.initialContext(), experiment.log(), experiment.cancellation());
        Long seed = null;
        List<StepRecord> provenance = new ArrayList<>();
        try {
            ctx.add(ContextKeys.REPLICATE_KEY, replicate);
            ctx.add(ContextKeys.CONDITION_KEY, condition);
            additions.forEach(ctx::add);
            for (ExperimentPlugin p : plugins) {
                p.beforeReplicate(experiment, ctx);
            }
            seed = ctx.get(ContextKeys.SEED_USED_KEY).map(v -> ((Number) v).longValue()).orElse(null);
            DatasourceInvocation ds = experiment.datasource();
            Object data = ds.datasource().fetch(ctx, ParamResolver.resolve(
                    "datasource '" + ds.datasource().type() + "'", ds.datasource().params(), ds.explicitParams(), ctx));
            for (StepInvocation step : experiment.steps()) {
                experiment.cancellation().throwIfCancelled();
                for (ExperimentPlugin p : plugins) {
                    p.beforeStep(experiment, step, ctx);
                }
                data = applyStep(step, data, ctx, seed, provenance);
                for (ExperimentPlugin p : plugins) {
                    p.afterStep(experiment, step, data, ctx);
                }
            }
            return UnitOutcome.completed(replicate, condition, seed, ctx.metrics().asMap()).withProvenance(provenance);
        } catch (RunCancelledException | RunInterruptedException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException(e);
        } catch (StepFailedException e) {
            return UnitOutcome.failed(replicate, condition, seed, UnitError.of(e.getCause(), e.getMessage()))
                    .withProvenance(provenance);
        } catch (Exception | StackOverflowError e) {
            return UnitOutcome.failed(replicate, condition, seed, UnitError.of(e)).withProvenance(provenance);
        }
    }

    /** Runs a step (or replays it from the cache) while its context use is traced for the unit's provenance. */
    private Object applyStep(StepInvocation step, Object data, FrozenContext ctx, Long seed, List<StepRecord> provenance)
            throws Exception {
        String owner = "step '" + step.type() + "' (steps[" + step.index() + "])";
        StepTrace trace = ctx.beginStep(step.index(), step.type());
        boolean hit = false;
        try {
            Params params = ParamResolver.resolve(owner, step.step().params(), step.explicitParams(), ctx);
            if (!step.cache()) {
                return step.step().apply(data, ctx, params);
            }
            StepCaching caching = new StepCaching(experiment.stepCache(), step, ctx);
            String key = caching.key(params, data, seed);
            java.util.Optional<CachedStep> cached = caching.lookup(key);
            if (cached.isPresent()) {
                hit = true;
                return caching.replay(cached.get());
            }
            return caching.store(key, trace, step.step().apply(data, ctx, params));
        } catch (RunCancelledException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailedException("Step '" + step.type() + "' failed: " + e.getMessage(), e);
        } finally {
            ctx.endStep();
            provenance.add(trace.toRecord(hit));
            if (hit) {
                ctx.log().info("Cache hit: step '" + step.type() + "' (steps[" + step.index() + "]) of replicate "
                        + ctx.replicate() + ", condition " + ctx.condition());
            }
        }
    }

    /** A step threw; the message names the step, the cause is the original exception. */
    static final class StepFailedException extends Exception {
        StepFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
