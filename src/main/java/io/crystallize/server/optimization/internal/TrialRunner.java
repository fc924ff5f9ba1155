package io.crystallize.server.optimization.internal;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.run.PipelinePass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates an optimization's planned trials in order. A trial is the treatment {@code trial_<n>} whose context
 * is the trial's params, run for each of the experiment's replicates with the ordinary unit seeds; its objective
 * is the mean of every value of the objective metric its completed units recorded.
 */
@Component
class TrialRunner {

    private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);

    private final OptimizationRepository optimizations;
    private final TrialRepository trials;
    private final OptimizationViews views;
    private final PipelinePass pass;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<UUID, CancellationToken> running = new ConcurrentHashMap<>();

    TrialRunner(OptimizationRepository optimizations, TrialRepository trials, OptimizationViews views, PipelinePass pass,
                TransactionTemplate tx, Clock clock) {
        this.optimizations = optimizations;
        this.trials = trials;
        this.views = views;
        this.pass = pass;
        this.tx = tx;
        this.clock = clock;
    }

    static String condition(int trial) {
        return "trial_" + trial;
    }

    void cancelLocally(UUID id) {
        CancellationToken token = running.get(id);
        if (token != null) {
            token.cancel();
        }
    }

    void run(UUID id, ExperimentView experiment) {
        CancellationToken token = running.computeIfAbsent(id, k -> new CancellationToken());
        try {
            Optimization o = optimizations.findById(id).orElseThrow();
            String metric = views.spec(o).objective().metric();
            for (Trial t : trials.findByOptimizationIdOrderByTrialAsc(id)) {
                if (t.isExternal() || t.getStatus() != Trial.Status.PENDING) {
                    continue;
                }
                if (optimizations.findById(id).orElseThrow().isCancelRequested() || token.isCancelled()) {
                    break;
                }
                update(id, t.getTrial(), Trial::running);
                evaluate(experiment, o, t, metric, token);
            }
            boolean cancelled = optimizations.findById(id).orElseThrow().isCancelRequested() || token.isCancelled();
            tx.executeWithoutResult(s -> {
                trials.findByOptimizationIdOrderByTrialAsc(id).stream()
                        .filter(t -> t.getStatus() == Trial.Status.PENDING || t.getStatus() == Trial.Status.RUNNING)
                        .forEach(t -> t.cancelled(clock.instant()));
                Optimization end = optimizations.findById(id).orElseThrow();
                end.finish(cancelled ? Optimization.Status.CANCELLED : Optimization.Status.COMPLETED, null, clock.instant());
            });
        } catch (RuntimeException e) {
            log.warn("optimization {} failed", id, e);
            tx.executeWithoutResult(s -> optimizations.findById(id).orElseThrow()
                    .finish(Optimization.Status.FAILED, e.getMessage(), clock.instant()));
        } finally {
            running.remove(id);
        }
    }

    private void evaluate(ExperimentView experiment, Optimization o, Trial t, String metric, CancellationToken token) {
        Map<String, Object> params = views.params(t);
        List<Double> values = new ArrayList<>();
        String firstError = null;
        try {
            for (int r = 0; r < experiment.definition().replicates(); r++) {
                UnitOutcome u = pass.run(experiment, o.getBaseSeed(), null, r, condition(t.getTrial()), params, token).outcome();
                if (u.status() == UnitStatus.COMPLETED) {
                    u.metrics().getOrDefault(metric, List.of()).stream().map(MetricValue::value)
                            .forEach(v -> values.add(v.doubleValue()));
                } else if (firstError == null && u.error() != null) {
                    firstError = u.key() + ": " + u.error().type() + ": " + u.error().message();
                }
            }
        } catch (RunCancelledException e) {
            return; // left RUNNING; marked CANCELLED with the rest
        }
        if (values.isEmpty()) {
            String cause = "no completed unit recorded metric '" + metric + "'" + (firstError == null ? "" : " (" + firstError + ")");
            update(o.getId(), t.getTrial(), trial -> trial.failed(cause, clock.instant()));
        } else {
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
            update(o.getId(), t.getTrial(), trial -> trial.completed(mean, clock.instant()));
        }
    }

    private void update(UUID id, int trial, java.util.function.Consumer<Trial> change) {
        tx.executeWithoutResult(s -> change.accept(trials.findByOptimizationIdAndTrial(id, trial).orElseThrow()));
    }
}
