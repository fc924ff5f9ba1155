package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/**
 * A verified hypothesis: the verifier output per treatment (a map, or a list of maps for several groups),
 * the ranking, and an error when the verifier or ranker failed (SPEC §5).
 */
public record HypothesisOutcome(String name, Map<String, Object> results, Ranking ranking, String error) {

    /** {@code best} is the first of {@code ranked}, or null when no treatment could be scored. */
    public record Ranking(String best, List<List<Object>> ranked) {
    }
}
