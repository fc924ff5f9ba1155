package io.crystallize.server.run.internal;

import io.crystallize.server.run.PipelinePass;
import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.MetricAggregation;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.experiment.ExperimentDefinition.TreatmentSpec;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.problem.ApiException;
import io.crystallize.server.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/experiments/{id}/apply} (SPEC §7): one pass of the pipeline over the given data (else the
 * datasource's), for a treatment (else the baseline), synchronously, stored nowhere. The pass is stopped at its
 * next step boundary once {@code crystallize.apply.timeout} has passed.
 */
@Service
public class ApplyService {

    private final ExperimentService experiments;
    private final PipelinePass pass;
    private final ApplyProperties props;

    ApplyService(ExperimentService experiments, PipelinePass pass, ApplyProperties props) {
        this.experiments = experiments;
        this.pass = pass;
        this.props = props;
    }

    /** The request: all optional. */
    public record ApplyRequest(Object data, String treatment, Long seed) {
    }

    /** The pass's output data and metrics (name → values); {@code error} when a step failed. */
    public record ApplyResponse(Object data, Map<String, List<Number>> metrics, UnitError error) {
    }

    public ApplyResponse apply(UUID experimentId, ApplyRequest request) {
        ExperimentView experiment = experiments.get(experimentId);
        ApplyRequest r = request == null ? new ApplyRequest(null, null, null) : request;
        String condition = r.treatment() == null ? ContextKeys.BASELINE_CONDITION : r.treatment();
        Optional<TreatmentSpec> treatment = experiment.definition().treatments().stream()
                .filter(t -> t.name().equals(condition)).findFirst();
        if (treatment.isEmpty() && !condition.equals(ContextKeys.BASELINE_CONDITION)) {
            throw InvalidRequestException.of("treatment", "unknown treatment '" + condition + "'");
        }
        Long configured = PipelinePass.configuredSeed(experiment.definition());
        long seed = r.seed() != null ? r.seed() : configured != null ? configured : SeedPlugin.drawSeed();
        CancellationToken token = new CancellationToken();
        CompletableFuture.delayedExecutor(props.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(token::cancel);
        try {
            PipelinePass.UnitPass out = pass.run(experiment, seed, r.data(), 0, condition,
                    treatment.map(TreatmentSpec::context).orElse(Map.of()), token);
            Map<String, List<Number>> metrics = MetricAggregation.valuesByCondition(List.of(condition), List.of(out.outcome()))
                    .getOrDefault(condition, Map.of());
            return new ApplyResponse(out.data(), metrics, out.outcome().error());
        } catch (CancellationToken.RunCancelledException e) {
            throw new ApplyTimeoutException("apply took longer than " + props.timeout() + " (crystallize.apply.timeout)");
        } finally {
            token.cancel();
        }
    }

    /** 504: the pass was stopped at its time limit. */
    static final class ApplyTimeoutException extends ApiException {
        ApplyTimeoutException(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
    }
}
