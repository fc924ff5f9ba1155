package io.crystallize.server.engine;

import io.crystallize.server.engine.CancellationToken.RunCancelledException;

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
    private final HookInvoker hooks;
    /**
     * The provenance of the last unit, shared by the next units that have the same: a run keeps every outcome
     * until its end, and one unit's trace (its steps and the keys they touched) is several hundred bytes — most
     * of a unit's memory, the same for nearly every unit. A race between threads only keeps a copy more.
     */
    private volatile List<StepRecord> lastProvenance = List.of();

    UnitRunner(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener, HookInvoker hooks) {
        this.experiment = experiment;
        this.done = done;
        this.listener = listener;
        this.hooks = hooks;
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

    private List<StepRecord> shared(List<StepRecord> provenance) {
        List<StepRecord> last = lastProvenance;
        if (last.equals(provenance)) {
            return last;
        }
        List<StepRecord> copy = List.copyOf(provenance);
        lastProvenance = copy;
        return copy;
    }

    private UnitOutcome report(UnitOutcome outcome) {
        listener.onUnit(outcome);
        return outcome;
    }

    UnitOutcome runUnit(int replicate, String condition, Map<String, Object> additions) {
        experiment.cancellation().throwIfCancelled();
        UnitLimits limits = experiment.limits();
        CancellationToken token = experiment.cancellation().forUnit(limits.unitTimeout(),
                "crystallize.limits.unit-timeout " + limits.unitTimeout());
        Long seed = null;
        List<StepRecord> provenance = new ArrayList<>();
        try (UnitMemory memory = limits.memory().open(token)) {
            FrozenContext ctx = new FrozenContext(experiment.initialContext(), experiment.log(), token,
                    new Metrics(limits.maxMetricValues()), memory);
            ctx.add(ContextKeys.REPLICATE_KEY, replicate);
            ctx.add(ContextKeys.CONDITION_KEY, condition);
            additions.forEach(ctx::add);
            hooks.perUnit(experiment, "beforeReplicate", p -> p.beforeReplicate(experiment, ctx));
            seed = ctx.get(ContextKeys.SEED_USED_KEY).map(v -> ((Number) v).longValue()).orElse(null);
            DatasourceInvocation ds = experiment.datasource();
            Object data = ds.datasource().fetch(ctx, ParamResolver.resolve(
                    "datasource '" + ds.datasource().type() + "'", ds.specs(), ds.explicitParams(), ctx));
            for (StepInvocation step : experiment.steps()) {
                token.throwIfCancelled();
                hooks.perUnit(experiment, "beforeStep", p -> p.beforeStep(experiment, step, ctx));
                Object output = applyStep(step, data, ctx, seed, provenance);
                hooks.perUnit(experiment, "afterStep", p -> p.afterStep(experiment, step, output, ctx));
                data = output;
            }
            return UnitOutcome.completed(replicate, condition, seed, CompactMetrics.of(ctx.metrics()))
                    .withProvenance(shared(provenance));
        } catch (RunCancelledException | RunInterruptedException | CancellationToken.RunTimeoutException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException(e);
        } catch (StepFailedException | HookInvoker.HookFailedException e) {
            return UnitOutcome.failed(replicate, condition, seed, UnitError.of(e.getCause(), e.getMessage()))
                    .withProvenance(provenance);
        } catch (Exception | StackOverflowError e) {
            return UnitOutcome.failed(replicate, condition, seed, UnitError.of(e)).withProvenance(provenance);
        } catch (OutOfMemoryError e) {
            // Defence in depth behind the memory budget: the unit's data is garbage once this frame unwinds, so the
            // node (and its HTTP stack) goes on; the unit records why it failed.
            return UnitOutcome.failed(replicate, condition, seed, UnitError.of(e));
        }
    }

    /** Runs a step (or replays it from the cache) while its context use is traced for the unit's provenance. */
    private Object applyStep(StepInvocation step, Object data, FrozenContext ctx, Long seed, List<StepRecord> provenance)
            throws Exception {
        String owner = "step '" + step.type() + "' (steps[" + step.index() + "])";
        StepTrace trace = ctx.beginStep(step.index(), step.type());
        boolean hit = false;
        try {
            Params params = ParamResolver.resolve(owner, step.specs(), step.explicitParams(), ctx);
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
        } catch (RunCancelledException | InterruptedException | CancellationToken.RunTimeoutException e) {
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
