package io.crystallize.server.catalog.datasources;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;

/**
 * The bound on the values a datasource makes for one unit ({@code crystallize.limits.max-values-per-unit}), checked at
 * submission by the param spec and again here (a value may come from a context key). Data is a primitive array, and
 * its bytes are reserved from the node's memory budget first: twice its size, as the next step makes a copy.
 */
final class Draws {

    static final String PROPERTY = "crystallize.limits.max-values-per-unit";

    private Draws() {
    }

    static ParamSpec countParam(long max) {
        return ParamSpec.required("n", "integer", "number of draws, 0 to " + max + " (" + PROPERTY + ")")
                .withMinimum(0).withMaximum(max);
    }

    static int count(Params params, long max) {
        long n = params.getLong("n");
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("n must be between 0 and " + max + " (" + PROPERTY + "), got " + n);
        }
        return (int) n;
    }

    /** Reserves what {@code values} numbers and one copy of them hold. */
    static void reserve(FrozenContext ctx, long values) throws InterruptedException {
        ctx.memory().reserve(2 * Double.BYTES * values);
    }
}
