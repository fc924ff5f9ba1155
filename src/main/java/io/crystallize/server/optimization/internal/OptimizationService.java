package io.crystallize.server.optimization.internal;

import io.crystallize.server.optimization.OptimizationRequest;
import io.crystallize.server.optimization.OptimizationView;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.run.PipelinePass;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.problem.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Creating, reading, cancelling optimizations and ask/tell. The planned trials are stored with their params at
 * once (the sampler is a pure function of its seed and the trial number) and evaluated on the optimization pool
 * by {@link TrialRunner}; asked trials take the next numbers. Each change is its own short transaction.
 */
@Service
public class OptimizationService {

    private static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(30);

    private final OptimizationRepository optimizations;
    private final TrialRepository trials;
    private final ExperimentService experiments;
    private final TrialRunner runner;
    private final TaskExecutor executor;
    private final OptimizationProperties props;
    private final OptimizationViews views;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    OptimizationService(OptimizationRepository optimizations, TrialRepository trials, ExperimentService experiments,
                        TrialRunner runner, @Qualifier("optimizationExecutor") TaskExecutor executor,
                        OptimizationProperties props, OptimizationViews views, TransactionTemplate tx, JsonMapper json,
                        Clock clock) {
        this.optimizations = optimizations;
        this.trials = trials;
        this.experiments = experiments;
        this.runner = runner;
        this.executor = executor;
        this.props = props;
        this.views = views;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public OptimizationView create(UUID experimentId, OptimizationRequest request) {
        ExperimentView experiment = experiments.get(experimentId);
        if (request == null) {
            throw InvalidRequestException.of("space", "a body with space and objective is required");
        }
        SpaceValidator.check(request, experiment.definition(), props.maxTrials());
        int planned = request.trials() == null ? 0 : request.trials();
        String samplerName = request.sampler() == null ? "random" : request.sampler();
        long samplerSeed = request.seed() == null ? SeedPlugin.drawSeed() : request.seed();
        Long configured = PipelinePass.configuredSeed(experiment.definition());
        long baseSeed = configured == null ? SeedPlugin.drawSeed() : configured;
        Sampler sampler = Sampler.of(samplerName, request.space(), samplerSeed,
                SpaceValidator.gridSize(request.space(), planned));
        Map<String, Object> spec = Map.of("space", request.space(), "objective", request.objective());
        Optimization o = tx.execute(s -> {
            Optimization saved = optimizations.save(new Optimization(experimentId, samplerName,
                    json.writeValueAsString(spec), planned, samplerSeed, baseSeed, clock.instant()));
            for (int i = 0; i < planned; i++) {
                trials.save(new Trial(saved.getId(), i, json.writeValueAsString(sampler.params(i)), false, clock.instant()));
            }
            return saved;
        });
        if (planned > 0) {
            try {
                executor.execute(() -> runner.run(o.getId(), experiment));
            } catch (TaskRejectedException full) {
                // The node's optimization pool and its queue are full: nothing is kept, the client tries again.
                tx.executeWithoutResult(s -> {
                    trials.deleteAll(trials.findByOptimizationIdOrderByTrialAsc(o.getId()));
                    optimizations.deleteById(o.getId());
                });
                throw new TooManyRequestsException("this node already evaluates " + props.threads()
                        + " optimizations with " + props.queueCapacity() + " waiting (crystallize.optimization.threads, "
                        + "queue-capacity)", RETRY_AFTER);
            }
        }
        return get(o.getId());
    }

    public OptimizationView get(UUID id) {
        return tx.execute(s -> views.view(find(id)));
    }

    /** Asks the service to stop: trials not started never start; the running one stops at its next step. */
    public OptimizationView cancel(UUID id) {
        tx.executeWithoutResult(s -> {
            Optimization o = find(id);
            if (o.getStatus() != Optimization.Status.RUNNING) {
                throw new ConflictException("optimization " + id + " is already " + o.getStatus());
            }
            o.requestCancel();
            optimizations.saveAndFlush(o);
        });
        runner.cancelLocally(id);
        return get(id);
    }

    /** The next trial for an external evaluator: its number and params, stored as asked. */
    public AskResponse ask(UUID id) {
        Trial trial = tx.execute(s -> {
            Optimization o = find(id);
            Sampler sampler = views.sampler(o);
            int next = trials.maxTrial(id) + 1;
            return trials.saveAndFlush(new Trial(id, next, json.writeValueAsString(sampler.params(next)), true,
                    clock.instant()));
        });
        return new AskResponse(trial.getTrial(), views.params(trial));
    }

    /** The objective value of an asked trial, as the external evaluator measured it. */
    public OptimizationView tell(UUID id, TellRequest request) {
        if (request == null || request.trial() == null) {
            throw InvalidRequestException.of("trial", "is required");
        }
        if (request.value() == null || !Double.isFinite(request.value())) {
            throw InvalidRequestException.of("value", "is required and must be a finite number");
        }
        tx.executeWithoutResult(s -> {
            find(id);
            Trial t = trials.findByOptimizationIdAndTrial(id, request.trial())
                    .orElseThrow(() -> new NotFoundException("trial", request.trial()));
            if (!t.isExternal() || t.getStatus() != Trial.Status.ASKED) {
                throw new ConflictException("trial " + request.trial() + " is " + t.getStatus()
                        + (t.isExternal() ? "" : " and evaluated by the service") + "; only an asked trial can be told");
            }
            t.completed(request.value(), clock.instant());
        });
        return get(id);
    }

    private Optimization find(UUID id) {
        return optimizations.findById(id).orElseThrow(() -> new NotFoundException("optimization", id));
    }

    /** {@code POST …/ask}: the trial number to report with {@code tell} and the params to evaluate. */
    public record AskResponse(int trial, Map<String, Object> params) {
    }

    /** {@code POST …/tell}: a trial's objective value. */
    public record TellRequest(Integer trial, Double value) {
    }
}
