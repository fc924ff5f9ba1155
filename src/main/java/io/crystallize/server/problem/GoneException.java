package io.crystallize.server.problem;

import org.springframework.http.HttpStatus;

/** 410: the resource existed but its content is gone for good (a pruned or superseded artifact). */
public class GoneException extends ApiException {

    public GoneException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.GONE;
    }
}
