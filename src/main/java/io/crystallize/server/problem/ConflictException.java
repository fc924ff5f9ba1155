package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the current state (a duplicate name, a finished run, a changed definition). */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
