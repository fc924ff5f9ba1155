package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.ExecutionStrategy;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.LoopOutcome;
import io.crystallize.server.engine.spi.PValueCorrection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Runs an experiment through the lifecycle of SPEC §2: {@code initHook}, {@code beforeRun}, step setup,
 * the execution loop chosen among the plugins, step teardown, aggregation and hypotheses, {@code afterRun}.
 */
public final class ExperimentEngine {

    /** A hook call slower than this is named in the run's log, unless the engine is given another threshold. */
    public static final Duration DEFAULT_SLOW_HOOK_THRESHOLD = Duration.ofSeconds(1);

    private final PValueCorrection correction;
    private final HookInvoker hooks;

    /** An engine whose hypotheses are not corrected for multiple comparisons. */
    public ExperimentEngine() {
        this(PValueCorrection.NONE, DEFAULT_SLOW_HOOK_THRESHOLD);
    }

    /** An engine that corrects p-values with {@code correction} and logs hook calls slower than {@code slowHook}. */
    public ExperimentEngine(PValueCorrection correction, Duration slowHook) {
        this(correction, slowHook, System::nanoTime);
    }

    ExperimentEngine(PValueCorrection correction, Duration slowHook, LongSupplier nanoTime) {
        this.correction = correction;
        this.hooks = new HookInvoker(slowHook, nanoTime);
    }

    /** Runs every unit here (a strategy that hands the units to other nodes is an error here). */
    public RunResult run(Experiment experiment) {
        return run(experiment, Map.of(), UnitListener.NONE)
                .orElseThrow(() -> new IllegalStateException("the units were handed off; complete the run later"));
    }

    /**
     * Runs the units not in {@code done} (unit key → outcome, from an earlier attempt or a resumed run),
     * telling {@code listener} of each as it ends. Results cover all units, done ones included; empty when the
     * execution strategy handed the units to other nodes ({@link LoopOutcome.HandedOff}): the run is then
     * completed with {@link #complete} once they have all ended.
     *
     * @throws RunFailedException when a run-level hook, a step setup or teardown, or the loop fails
     * @throws CancellationToken.RunCancelledException when the run was cancelled
     * @throws RunInterruptedException when the node is shutting down
     */
    public Optional<RunResult> run(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener) {
        attach(experiment);
        hooks.runLevel(experiment, "beforeRun", p -> p.beforeRun(experiment));
        LoopOutcome loop = runLoop(experiment, done, listener);
        if (loop instanceof LoopOutcome.HandedOff) {
            return Optional.empty();
        }
        experiment.cancellation().throwIfCancelled();
        List<UnitOutcome> units = new ArrayList<>();
        ((LoopOutcome.Completed) loop).replicates().forEach(r -> units.addAll(r.units()));
        return Optional.of(finish(experiment, units));
    }

    /**
     * Runs some replicates of a run whose units were handed off ({@link LoopOutcome.HandedOff}), on the node
     * that took them: the per-unit hooks run here. Call {@code initHook} of the plugins first.
     */
    public List<ReplicateResult> runReplicates(Experiment experiment, List<Integer> replicates,
                                               Map<String, UnitOutcome> done, UnitListener listener) {
        UnitRunner runner = new UnitRunner(experiment, done, listener, hooks);
        return replicates.stream().map(runner::runReplicate).toList();
    }

    /**
     * Completes a run whose units all ended elsewhere: {@code initHook} (the plugins are attached to the run
     * on this node), then aggregation, hypotheses and {@code afterRun}, as at the end of {@link #run}.
     */
    public RunResult complete(Experiment experiment, List<UnitOutcome> units) {
        attach(experiment);
        return finish(experiment, units);
    }

    /**
     * The result of units that all ended before, with hypotheses verified, calling no hook at all: a resume with
     * nothing left to run answers with the kept results (SPEC §7).
     */
    public RunResult verify(Experiment experiment, List<UnitOutcome> units) {
        return new RunResult(experiment.conditions(), units,
                new HypothesisEvaluator(correction).evaluate(experiment, units));
    }

    /**
     * One unit outside a run's loop (an {@code apply} pass, an optimizer trial): the per-unit hooks of SPEC §2 run,
     * the run-level ones do not. Call {@link #attach} first so that the plugins (the seed plugin) are ready.
     */
    public UnitOutcome runUnit(Experiment experiment, int replicate, String condition, Map<String, Object> additions) {
        return new UnitRunner(experiment, Map.of(), UnitListener.NONE, hooks).runUnit(replicate, condition, additions);
    }

    /** Calls {@code initHook} of every plugin: they are attached to the run on this node. */
    public void attach(Experiment experiment) {
        hooks.runLevel(experiment, "initHook", p -> p.initHook(experiment));
    }

    private RunResult finish(Experiment experiment, List<UnitOutcome> units) {
        List<HypothesisOutcome> hypotheses = new HypothesisEvaluator(correction).evaluate(experiment, units);
        RunResult result = new RunResult(experiment.conditions(), units, hypotheses);
        hooks.runLevel(experiment, "afterRun", p -> p.afterRun(experiment, result));
        return result;
    }

    private LoopOutcome runLoop(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener) {
        FrozenContext setup = new FrozenContext(experiment.initialContext(), experiment.log(), experiment.cancellation());
        List<StepInvocation> setUp = new ArrayList<>();
        try {
            for (StepInvocation s : experiment.steps()) {
                s.step().setup(setup, Params.of(s.explicitParams()));
                setUp.add(s);
            }
            UnitRunner runner = new UnitRunner(experiment, done, listener, hooks);
            return selectLoop(experiment, runner::runReplicate);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RunFailedException("step setup failed: " + e.getMessage(), e);
        } finally {
            teardown(setUp, setup);
        }
    }

    /** The last execution strategy that does not decline runs the loop; serial otherwise. */
    static LoopOutcome selectLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        List<ExperimentPlugin> plugins = experiment.plugins();
        for (int i = plugins.size() - 1; i >= 0; i--) {
            if (plugins.get(i) instanceof ExecutionStrategy strategy) {
                LoopOutcome outcome = strategy.runExperimentLoop(experiment, replicateFn);
                if (!(outcome instanceof LoopOutcome.Declined)) {
                    return outcome;
                }
            }
        }
        return LoopOutcome.completed(serial(experiment.replicates(), replicateFn));
    }

    /** Replicates 0 … n−1, one after another, in the calling thread. */
    public static List<ReplicateResult> serial(int replicates, IntFunction<ReplicateResult> replicateFn) {
        return IntStream.range(0, replicates).mapToObj(replicateFn).toList();
    }

    private static void teardown(List<StepInvocation> steps, FrozenContext setup) {
        RuntimeException failure = null;
        for (StepInvocation s : steps) {
            try {
                s.step().teardown(setup, Params.of(s.explicitParams()));
            } catch (Exception e) {
                if (failure == null) {
                    failure = new RunFailedException("teardown of step '" + s.type() + "' failed: " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
