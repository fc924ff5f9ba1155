package io.crystallize.server.idempotency.internal;

import java.time.Instant;

/** A key's row: the request it was first used for and, once that succeeded, its response. */
record StoredResponse(String requestHash, Integer status, String location, String contentType, String body,
                      Instant expiresAt) {

    boolean isComplete() {
        return status != null;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
