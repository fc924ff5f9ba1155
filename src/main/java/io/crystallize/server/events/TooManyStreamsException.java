package io.crystallize.server.events;

import io.crystallize.server.problem.ApiException;
import org.springframework.http.HttpStatus;

/** 429: the caller already holds as many open event streams as {@code crystallize.events.max-streams-per-user}. */
class TooManyStreamsException extends ApiException {

    TooManyStreamsException(int max) {
        super("at most " + max + " event streams may be open at once per user (crystallize.events.max-streams-per-user); "
                + "close one first");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }
}
