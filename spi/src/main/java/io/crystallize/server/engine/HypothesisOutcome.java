package io.crystallize.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verified hypothesis: the result per treatment (in treatment order), the ranking, and an error when the
 * verifier or ranker failed (SPEC §5). The run module stores it as JSON and reads it back in the same types.
 */
public record HypothesisOutcome(String name, Map<String, TreatmentResult> results, Ranking ranking, String error) {

    public HypothesisOutcome {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** {@code best} is the first of {@code ranked}, or null when no treatment could be scored. */
    public record Ranking(String best, List<Ranked> ranked) {

        public static final Ranking NONE = new Ranking(null, List.of());

        public Ranking {
            ranked = List.copyOf(ranked);
        }
    }

    /** A scored treatment; JSON shows it as the pair {@code [treatment, score]}. */
    public record Ranked(String treatment, double score) {
    }
}
