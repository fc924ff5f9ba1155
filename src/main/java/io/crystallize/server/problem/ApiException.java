package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

/** The root of the application's own exceptions; each maps to one HTTP status. */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message);
    }

    public abstract HttpStatus status();

    public String title() {
        return status().getReasonPhrase();
    }
}
