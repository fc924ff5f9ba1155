package io.crystallize.server.engine;

import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one caller of every plugin hook, run-level and per-unit. It calls the plugins in the run's order (the
 * declared plugins, then the defaults of SPEC §2, then the global ones), times each call, writes a line to the
 * run's log for a call slower than the threshold, and names the plugin in any error.
 */
final class HookInvoker {

    /** One hook of one plugin. */
    @FunctionalInterface
    interface Call {
        void on(ExperimentPlugin plugin) throws Exception;
    }

    /** A per-unit hook threw; the message names the hook and the plugin, the cause is the original exception. */
    static final class HookFailedException extends Exception {
        HookFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final long slowNanos;
    private final LongSupplier nanoTime;

    HookInvoker(Duration slowThreshold, LongSupplier nanoTime) {
        this.slowNanos = slowThreshold.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A run-level hook on every plugin; a failure fails the run. */
    void runLevel(Experiment experiment, String hook, Call call) {
        for (ExperimentPlugin plugin : experiment.plugins()) {
            try {
                timed(experiment, hook, plugin, call);
            } catch (RunCancelledException | RunInterruptedException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunInterruptedException(e);
            } catch (Exception e) {
                throw new RunFailedException(message(hook, plugin, e), e);
            }
        }
    }

    /** A per-unit hook on every plugin; a failure fails the unit (the caller records it). */
    void perUnit(Experiment experiment, String hook, Call call) throws HookFailedException, InterruptedException {
        for (ExperimentPlugin plugin : experiment.plugins()) {
            try {
                timed(experiment, hook, plugin, call);
            } catch (RunCancelledException | RunInterruptedException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new HookFailedException(message(hook, plugin, e), e);
            }
        }
    }

    private void timed(Experiment experiment, String hook, ExperimentPlugin plugin, Call call) throws Exception {
        long start = nanoTime.getAsLong();
        try {
            call.on(plugin);
        } finally {
            long took = nanoTime.getAsLong() - start;
            if (took > slowNanos) {
                experiment.log().warn("Slow hook: " + hook + " of plugin " + plugin.name() + " took "
                        + TimeUnit.NANOSECONDS.toMillis(took) + " ms (threshold "
                        + TimeUnit.NANOSECONDS.toMillis(slowNanos) + " ms)");
            }
        }
    }

    private static String message(String hook, ExperimentPlugin plugin, Exception e) {
        return hook + " of plugin " + plugin.name() + " failed: " + e.getMessage();
    }
}
