package io.crystallize.server.optimization.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.optimization.OptimizationRequest;
import io.crystallize.server.optimization.OptimizationRequest.Dimension;
import io.crystallize.server.optimization.OptimizationRequest.Objective;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of an optimization request; every problem names its field (API.md), and nothing is stored. */
final class SpaceValidator {

    static final List<String> SAMPLERS = List.of("random", "grid");

    private SpaceValidator() {
    }

    static void check(OptimizationRequest r, ExperimentDefinition d, int maxTrials) {
        List<FieldError> errors = new ArrayList<>();
        if (r.space() == null || r.space().isEmpty()) {
            errors.add(new FieldError("space", "must name at least one context key"));
        } else {
            r.space().forEach((key, dim) -> dimension(errors, "space." + key, key, dim, d));
        }
        Objective o = r.objective();
        if (o == null || o.metric() == null || o.metric().isBlank()) {
            errors.add(new FieldError("objective.metric", "must name a metric"));
        }
        if (o != null && !"minimize".equals(o.direction()) && !"maximize".equals(o.direction())) {
            errors.add(new FieldError("objective.direction", "must be 'minimize' or 'maximize'"));
        }
        if (o != null && o.aggregate() != null && !o.aggregate().equals("mean")) {
            errors.add(new FieldError("objective.aggregate", "must be 'mean'"));
        }
        if (r.trials() != null && (r.trials() < 0 || r.trials() > maxTrials)) {
            errors.add(new FieldError("trials", "must be between 0 and " + maxTrials
                    + " (crystallize.optimization.max-trials)"));
        }
        if ("tpe".equals(r.sampler())) {
            errors.add(new FieldError("sampler", "unsupported sampler 'tpe': no well-kept Java library provides a "
                    + "tree-structured Parzen estimator; use one of " + SAMPLERS));
        } else if (r.sampler() != null && !SAMPLERS.contains(r.sampler())) {
            errors.add(new FieldError("sampler", "unsupported sampler '" + r.sampler() + "'; use one of " + SAMPLERS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void dimension(List<FieldError> errors, String path, String key, Dimension dim, ExperimentDefinition d) {
        if (ContextKeys.RESERVED.contains(key)) {
            errors.add(new FieldError(path, "'" + key + "' is reserved"));
        } else if (d.initialContext().containsKey(key)) {
            errors.add(new FieldError(path, "'" + key + "' is already in the initialContext, so a trial cannot set it"));
        }
        if (dim == null || dim.type() == null) {
            errors.add(new FieldError(path + ".type", "must be 'float', 'int' or 'categorical'"));
            return;
        }
        switch (dim.type()) {
            case "categorical" -> {
                if (dim.choices() == null || dim.choices().isEmpty()) {
                    errors.add(new FieldError(path + ".choices", "must list at least one value"));
                }
            }
            case "float", "int" -> range(errors, path, dim);
            default -> errors.add(new FieldError(path + ".type", "must be 'float', 'int' or 'categorical'"));
        }
    }

    private static void range(List<FieldError> errors, String path, Dimension dim) {
        if (dim.low() == null || !Double.isFinite(dim.low())) {
            errors.add(new FieldError(path + ".low", "is required and must be finite"));
        } else if (dim.high() == null || !Double.isFinite(dim.high())) {
            errors.add(new FieldError(path + ".high", "is required and must be finite"));
        } else if (dim.high() < dim.low() || dim.type().equals("float") && dim.high().equals(dim.low())) {
            errors.add(new FieldError(path + ".high", "must be above low"));
        } else if (dim.type().equals("int") && (dim.low() % 1 != 0 || dim.high() % 1 != 0)) {
            errors.add(new FieldError(path, "an int range needs whole low and high"));
        } else if (dim.logScale() && dim.low() <= 0) {
            errors.add(new FieldError(path + ".low", "must be above 0 on a log scale"));
        }
    }

    /** Points per numeric key for the grid sampler, so that the grid has about {@code trials} points. */
    static int gridSize(Map<String, Dimension> space, int trials) {
        long numeric = space.values().stream().filter(d -> !d.type().equals("categorical")).count();
        if (numeric == 0 || trials <= 1) {
            return 2;
        }
        return Math.max(2, (int) Math.ceil(Math.pow(trials, 1.0 / numeric) - 1e-9));
    }
}
