package io.crystallize.server.experiment;

import io.crystallize.server.engine.Hypothesis.Ranker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the flexible fields of a hypothesis: the metric spec and the ranker. */
public final class Hypotheses {

    /** Rankers whose best is the largest value. */
    private static final List<String> DESCENDING_BY_DEFAULT = List.of("effect_size", "diff", "relative_diff");

    private Hypotheses() {
    }

    /** The groups of a metric spec, or empty when its shape is wrong. */
    public static Optional<List<List<String>>> groups(Object metrics) {
        if (metrics instanceof String s && !s.isBlank()) {
            return Optional.of(List.of(List.of(s)));
        }
        if (!(metrics instanceof List<?> list) || list.isEmpty()) {
            return Optional.empty();
        }
        if (list.stream().allMatch(m -> m instanceof String s && !s.isBlank())) {
            return Optional.of(List.of(list.stream().map(String.class::cast).toList()));
        }
        if (list.stream().allMatch(g -> g instanceof List<?> inner && !inner.isEmpty()
                && inner.stream().allMatch(m -> m instanceof String s && !s.isBlank()))) {
            return Optional.of(list.stream().map(g -> ((List<?>) g).stream().map(String.class::cast).toList()).toList());
        }
        return Optional.empty();
    }

    /** Whether the spec is a list of lists, so the verifier output is a list (one per group). */
    public static boolean grouped(Object metrics) {
        return metrics instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>;
    }

    /** The ranker of a spec: null → p_value ascending; a key; or {key, direction}. Empty when malformed. */
    public static Optional<Ranker> ranker(Object spec) {
        if (spec == null) {
            return Optional.of(Ranker.P_VALUE);
        }
        if (spec instanceof String key && !key.isBlank()) {
            return Optional.of(new Ranker(key, DESCENDING_BY_DEFAULT.contains(key)));
        }
        if (spec instanceof Map<?, ?> map && map.get("key") instanceof String key && !key.isBlank()) {
            Object direction = map.get("direction");
            if (direction == null) {
                return Optional.of(new Ranker(key, DESCENDING_BY_DEFAULT.contains(key)));
            }
            if ("asc".equals(direction) || "desc".equals(direction)) {
                return Optional.of(new Ranker(key, "desc".equals(direction)));
            }
        }
        return Optional.empty();
    }
}
