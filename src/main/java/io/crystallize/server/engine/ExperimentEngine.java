package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PValueCorrection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs an experiment through the lifecycle of SPEC §2: {@code initHook}, {@code beforeRun}, step setup,
 * the execution loop chosen among the plugins, step teardown, aggregation and hypotheses, {@code afterRun}.
 */
public final class ExperimentEngine {

    private final PValueCorrection correction;

    /** An engine whose hypotheses are not corrected for multiple comparisons. */
    public ExperimentEngine() {
        this(PValueCorrection.NONE);
    }

    public ExperimentEngine(PValueCorrection correction) {
        this.correction = correction;
    }

    /** Runs every unit. */
    public RunResult run(Experiment experiment) {
        return run(experiment, Map.of(), UnitListener.NONE);
    }

    /**
     * Runs the units not in {@code done} (unit key → outcome, from an earlier attempt or a resumed run),
     * telling {@code listener} of each as it ends. Results cover all units, done ones included.
     *
     * @throws RunFailedException when a run-level hook, a step setup or teardown, or the loop fails
     * @throws CancellationToken.RunCancelledException when the run was cancelled
     * @throws RunInterruptedException when the node is shutting down
     */
    public RunResult run(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener) {
        List<ExperimentPlugin> plugins = experiment.plugins();
        attach(experiment);
        for (ExperimentPlugin p : plugins) {
            hook("beforeRun", p, () -> p.beforeRun(experiment));
        }
        List<ReplicateResult> replicates = runLoop(experiment, done, listener);
        experiment.cancellation().throwIfCancelled();
        List<UnitOutcome> units = new ArrayList<>();
        replicates.forEach(r -> units.addAll(r.units()));
        return finish(experiment, units);
    }

    /**
     * Runs some replicates of a run whose loop was handed out ({@link RunDeferredException}), on the node
     * that took them: the per-unit hooks run here. Call {@code initHook} of the plugins first.
     */
    public List<ReplicateResult> runReplicates(Experiment experiment, List<Integer> replicates,
                                               Map<String, UnitOutcome> done, UnitListener listener) {
        UnitRunner runner = new UnitRunner(experiment, done, listener);
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
        return new UnitRunner(experiment, Map.of(), UnitListener.NONE).runUnit(replicate, condition, additions);
    }

    /** Calls {@code initHook} of every plugin: they are attached to the run on this node. */
    public void attach(Experiment experiment) {
        for (ExperimentPlugin p : experiment.plugins()) {
            hook("initHook", p, () -> p.initHook(experiment));
        }
    }

    private RunResult finish(Experiment experiment, List<UnitOutcome> units) {
        List<HypothesisOutcome> hypotheses = new HypothesisEvaluator(correction).evaluate(experiment, units);
        RunResult result = new RunResult(experiment.conditions(), units, hypotheses);
        for (ExperimentPlugin p : experiment.plugins()) {
            hook("afterRun", p, () -> p.afterRun(experiment, result));
        }
        return result;
    }

    private List<ReplicateResult> runLoop(Experiment experiment, Map<String, UnitOutcome> done, UnitListener listener) {
        FrozenContext setup = new FrozenContext(experiment.initialContext(), experiment.log(), experiment.cancellation());
        List<StepInvocation> setUp = new ArrayList<>();
        try {
            for (StepInvocation s : experiment.steps()) {
                s.step().setup(setup, Params.of(s.explicitParams()));
                setUp.add(s);
            }
            UnitRunner runner = new UnitRunner(experiment, done, listener);
            return selectLoop(experiment, runner::runReplicate);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RunFailedException("step setup failed: " + e.getMessage(), e);
        } finally {
            teardown(setUp, setup);
        }
    }

    /** The last plugin that does not decline {@code runExperimentLoop} runs the loop; serial otherwise. */
    static List<ReplicateResult> selectLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        List<ExperimentPlugin> plugins = experiment.plugins();
        for (int i = plugins.size() - 1; i >= 0; i--) {
            Optional<List<ReplicateResult>> results = plugins.get(i).runExperimentLoop(experiment, replicateFn);
            if (results.isPresent()) {
                return results.get();
            }
        }
        return serial(experiment.replicates(), replicateFn);
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

    private static void hook(String name, ExperimentPlugin plugin, Runnable call) {
        try {
            call.run();
        } catch (CancellationToken.RunCancelledException | RunInterruptedException | RunDeferredException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFailedException(name + " of plugin " + plugin.getClass().getSimpleName()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
