package io.crystallize.server.catalog.datasources;

import io.crystallize.server.engine.Params;

/** The bound on random draws per unit, so one definition cannot exhaust the node's memory. */
final class Draws {

    static final long MAX_DRAWS = 10_000_000L;

    private Draws() {
    }

    static int count(Params params) {
        long n = params.getLong("n");
        if (n < 0 || n > MAX_DRAWS) {
            throw new IllegalArgumentException("n must be between 0 and " + MAX_DRAWS + ", got " + n);
        }
        return (int) n;
    }
}
