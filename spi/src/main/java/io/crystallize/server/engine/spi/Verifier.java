package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.Params;

import java.util.List;
import java.util.Map;

/**
 * A registered statistical test comparing one metric group between the baseline and a treatment.
 * The maps hold, per metric of the group, the values of every completed unit in replicate order.
 * The output is a JSON-shaped map with at least {@code p_value}, {@code statistic}, {@code significant}.
 */
public interface Verifier extends Described {

    Map<String, Object> verify(Map<String, List<Observation>> baseline, Map<String, List<Observation>> treatment,
                               Params params, VerificationContext context);

    /** How many metrics one group may hold; the built-in tests compare exactly one. */
    default int maxMetricsPerGroup() {
        return 1;
    }

    /**
     * The keys every output of this verifier has, so that a ranker naming another key is rejected at submission.
     * Empty (the default) when not declared: a ranker key is then checked on the outputs, and one that no output
     * has is an error on that hypothesis's result.
     */
    default java.util.Optional<java.util.Set<String>> outputs() {
        return java.util.Optional.empty();
    }
}
