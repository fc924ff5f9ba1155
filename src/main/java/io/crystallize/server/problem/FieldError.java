package io.crystallize.server.problem;

/** One validation problem: the JSON path of the field (e.g. {@code steps[0].params.delta}) and what is wrong. */
public record FieldError(String field, String message) {
}
