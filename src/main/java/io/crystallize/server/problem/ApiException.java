package io.crystallize.server.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The root of the application's own exceptions; each maps to one HTTP status. */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message);
    }

    public abstract HttpStatus status();

    /** Headers the answer carries besides the problem body (e.g. {@code Retry-After}). */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    public String title() {
        return status().getReasonPhrase();
    }
}
