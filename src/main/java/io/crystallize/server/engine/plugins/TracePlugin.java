package io.crystallize.server.engine.plugins;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.spi.ExperimentPlugin;

/**
 * Writes one run-log line per hook call, {@code hook=<name> replicate=<n> condition=<c> step=<type>}
 * with the fields that do not apply left out, so the lifecycle can be checked from outside.
 */
public final class TracePlugin implements ExperimentPlugin {

    @Override
    public void initHook(Experiment experiment) {
        experiment.log().info("hook=initHook");
    }

    @Override
    public void beforeRun(Experiment experiment) {
        experiment.log().info("hook=beforeRun");
    }

    @Override
    public void beforeReplicate(Experiment experiment, FrozenContext ctx) {
        experiment.log().info("hook=beforeReplicate replicate=" + ctx.replicate() + " condition=" + ctx.condition());
    }

    @Override
    public void beforeStep(Experiment experiment, StepInvocation step, FrozenContext ctx) {
        experiment.log().info(unitLine("beforeStep", ctx, step));
    }

    @Override
    public void afterStep(Experiment experiment, StepInvocation step, Object data, FrozenContext ctx) {
        experiment.log().info(unitLine("afterStep", ctx, step));
    }

    @Override
    public void afterRun(Experiment experiment, RunResult result) {
        experiment.log().info("hook=afterRun");
    }

    private static String unitLine(String hook, FrozenContext ctx, StepInvocation step) {
        return "hook=" + hook + " replicate=" + ctx.replicate() + " condition=" + ctx.condition() + " step=" + step.type();
    }
}
