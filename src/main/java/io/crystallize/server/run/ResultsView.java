package io.crystallize.server.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crystallize.server.engine.HypothesisOutcome;

import java.util.List;
import java.util.Map;

/**
 * A finished run's results (API.md): metrics per condition in replicate order, hypotheses, errors of failed
 * units and the units skipped because their replicate's baseline failed. The hypotheses are the engine's typed
 * outcomes, read from their stored JSON (API.md's shape) by the run module's Jackson module.
 */
public record ResultsView(String status, Map<String, Map<String, List<Number>>> metrics, List<HypothesisOutcome> hypotheses,
                          Map<String, UnitProblem> errors, Map<String, UnitProblem> skipped, Map<String, String> links) {

    /** A failed or skipped unit: its error type and message, where it happened, and the stack trace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitProblem(String type, String message, int replicate, String condition, String stackTrace) {
    }
}
