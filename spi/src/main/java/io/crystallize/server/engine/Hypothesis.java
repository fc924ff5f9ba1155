package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Verifier;

import java.util.List;
import java.util.Map;

/**
 * A verifier over metric groups, compared between the baseline and each treatment, and a ranker.
 * {@code groups} is the normalised metric spec: one group for a string or a flat list, several for a
 * list of lists; {@code grouped} tells whether the output is a list (one result per group).
 * {@code correction} adjusts the treatments' p-values for multiple comparisons (null: the default).
 */
public record Hypothesis(String name, Verifier verifier, Params verifierParams, List<List<String>> groups,
                         boolean grouped, Ranker ranker, String correction) {

    /** The correction when none is given: Holm for several treatments, none for one. */
    public String correctionFor(int treatments) {
        return correction != null ? correction : treatments > 1 ? "holm" : "none";
    }

    /** Orders treatments by a score taken from a verifier output; ascending unless {@code descending}. */
    public record Ranker(String key, boolean descending) {

        public static final Ranker P_VALUE = new Ranker("p_value", false);

        /**
         * The score of one treatment's result, or null when an output has no such numeric value. With several
         * groups the least favourable group speaks for the treatment.
         */
        public Double score(TreatmentResult result) {
            Double worst = null;
            for (VerifierOutput group : result.groups()) {
                Double s = group.number(key);
                if (s == null) {
                    return null;
                }
                worst = worst == null ? s : descending ? Math.min(worst, s) : Math.max(worst, s);
            }
            return worst;
        }
    }
}
