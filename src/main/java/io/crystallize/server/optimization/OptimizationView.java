package io.crystallize.server.optimization;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/optimizations/{id}}: the request, the trials with their params and objective value, and the best. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizationView(UUID id, UUID experimentId, String status, String sampler, long seed, long baseSeed,
                               Map<String, OptimizationRequest.Dimension> space, OptimizationRequest.Objective objective,
                               int plannedTrials, List<TrialView> trials, TrialView best, String failure,
                               Instant createdAt, Instant finishedAt) {

    /** One trial: its number, its params (the treatment's context), status, objective value and error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrialView(int trial, String condition, Map<String, Object> params, String status, boolean external,
                            Double value, String error, Instant finishedAt) {
    }
}
