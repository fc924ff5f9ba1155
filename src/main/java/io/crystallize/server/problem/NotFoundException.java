package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

/** 404: the named resource does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
