package io.crystallize.server.experiment.internal;

import io.crystallize.server.engine.spi.Verifier;
import io.crystallize.server.experiment.ExperimentDefinition.HypothesisSpec;
import io.crystallize.server.experiment.Hypotheses;
import io.crystallize.server.problem.FieldError;

import java.util.List;
import java.util.Optional;

/** A hypothesis's metrics and ranker against what its verifier compares and outputs (when it declares them). */
final class HypothesisChecks {

    private HypothesisChecks() {
    }

    static void metricsAndRanker(List<FieldError> errors, String path, HypothesisSpec h, Optional<Verifier> verifier) {
        Optional<List<List<String>>> groups = Hypotheses.groups(h.metrics());
        if (groups.isEmpty()) {
            errors.add(new FieldError(path + ".metrics", "must be a metric name, a list of names or a list of lists of names"));
        } else if (verifier.isPresent()) {
            int max = verifier.get().maxMetricsPerGroup();
            if (groups.get().stream().anyMatch(g -> g.size() > max)) {
                errors.add(new FieldError(path + ".metrics", "verifier '" + h.verifier().type()
                        + "' compares at most " + max + " metric(s) per group"));
            }
        }
        var ranker = Hypotheses.ranker(h.ranker());
        if (ranker.isEmpty()) {
            errors.add(new FieldError(path + ".ranker",
                    "must be an output key or {\"key\": …, \"direction\": \"asc\"|\"desc\"}"));
        } else if (verifier.isPresent() && verifier.get().outputs().isPresent()
                && !verifier.get().outputs().get().contains(ranker.get().key())) {
            errors.add(new FieldError(path + ".ranker", "verifier '" + h.verifier().type() + "' has no output '"
                    + ranker.get().key() + "'; its outputs: " + verifier.get().outputs().get()));
        }
    }
}
