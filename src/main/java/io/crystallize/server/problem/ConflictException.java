package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * 409: the request conflicts with the current state (a duplicate name, a finished run, a changed definition, an
 * artifact folder another experiment owns). When a field of the request is the cause, {@link #errors()} names it,
 * as a 400 does.
 */
public class ConflictException extends ApiException {

    private final List<FieldError> errors;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The fields that clash with stored data; empty when no single field is the cause. */
    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
