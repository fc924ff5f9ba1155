package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

/** 403: the caller may see the resource but not do this to it (e.g. a workspace viewer writing). */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
