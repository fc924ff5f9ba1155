package io.crystallize.server.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** 429: a quota or rate limit is exhausted; the answer carries {@code Retry-After} (and any headers given). */
public class TooManyRequestsException extends ApiException {

    private final HttpHeaders headers;

    public TooManyRequestsException(String message, Duration retryAfter, HttpHeaders headers) {
        super(message);
        this.headers = new HttpHeaders();
        this.headers.putAll(headers);
        // Whole seconds, rounded up: a client retrying at once would only be refused again.
        this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }

    public TooManyRequestsException(String message, Duration retryAfter) {
        this(message, retryAfter, new HttpHeaders());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
