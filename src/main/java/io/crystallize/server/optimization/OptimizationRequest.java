package io.crystallize.server.optimization;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/experiments/{id}/optimizations} (API.md): the search space per context key, the objective,
 * how many trials the service evaluates itself (0: ask/tell only), the sampler and its seed.
 */
public record OptimizationRequest(Map<String, Dimension> space, Objective objective, Integer trials, String sampler,
                                  Long seed) {

    /** One context key's values: a float or int range ({@code log}: sampled on a log scale) or a list of choices. */
    public record Dimension(String type, Double low, Double high, List<Object> choices, Boolean log) {

        public boolean logScale() {
            return Boolean.TRUE.equals(log);
        }
    }

    /** The metric to optimize, {@code minimize} or {@code maximize}, aggregated over the trial's values by {@code mean}. */
    public record Objective(String metric, String direction, String aggregate) {

        public boolean maximize() {
            return "maximize".equals(direction);
        }
    }
}
