package io.crystallize.server.engine.plugins;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Run logging (SPEC §3): a start line with replicates, treatments, hypotheses and the seed; with verbose,
 * a line per finished step; an end line with the duration, each hypothesis's best treatment and the error
 * count. Lines below {@code logLevel} are dropped.
 */
public final class LoggingPlugin implements ExperimentPlugin {

    private final boolean verbose;
    private final RunLog.Level level;
    private volatile Instant started;

    public LoggingPlugin(boolean verbose, String logLevel) {
        this.verbose = verbose;
        this.level = parse(logLevel);
    }

    static RunLog.Level parse(String logLevel) {
        String l = logLevel == null ? "INFO" : logLevel.toUpperCase(Locale.ROOT);
        return switch (l) {
            case "DEBUG" -> RunLog.Level.DEBUG;
            case "WARN", "WARNING" -> RunLog.Level.WARN;
            case "ERROR" -> RunLog.Level.ERROR;
            default -> RunLog.Level.INFO;
        };
    }

    @Override
    public void beforeRun(Experiment experiment) {
        started = Instant.now();
        log(experiment, RunLog.Level.INFO, "Experiment: %d replicates, %d treatments, %d hypotheses (seed=%s)".formatted(
                experiment.replicates(), experiment.treatments().size(), experiment.hypotheses().size(),
                experiment.baseSeed()));
        experiment.plugin(SeedPlugin.class).filter(s -> !s.autoSeed()).ifPresent(s -> log(experiment, RunLog.Level.WARN,
                "autoSeed is off: every replicate uses seed " + s.seed() + ", so replicates are not independent"));
        if (experiment.plugin(SeedPlugin.class).isEmpty()) {
            log(experiment, RunLog.Level.WARN, "No seed plugin: randomness may not be reproducible");
        }
    }

    @Override
    public void afterStep(Experiment experiment, StepInvocation step, Object data, FrozenContext ctx) {
        if (verbose) {
            log(experiment, RunLog.Level.INFO, "Rep %d/%d %s finished step %s".formatted(
                    ctx.replicate(), experiment.replicates(), ctx.condition(), step.type()));
        }
    }

    @Override
    public void afterRun(Experiment experiment, RunResult result) {
        // A distributed run completes on another node than the one whose beforeRun started it.
        Instant from = started != null ? started : experiment.startedAt() != null ? experiment.startedAt() : Instant.now();
        double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
        String best = result.hypotheses().stream().filter(h -> h.ranking().best() != null)
                .map(h -> h.name() + ": '" + h.ranking().best() + "'").collect(Collectors.joining(", "));
        log(experiment, RunLog.Level.INFO, String.format(Locale.ROOT, "Completed in %.1fs%s; %d errors", seconds,
                best.isEmpty() ? "" : "; Best " + best, result.count(UnitStatus.FAILED)));
    }

    private void log(Experiment experiment, RunLog.Level lineLevel, String line) {
        if (lineLevel.compareTo(level) >= 0) {
            experiment.log().log(lineLevel, line);
        }
    }

}
