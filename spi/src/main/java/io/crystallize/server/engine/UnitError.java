package io.crystallize.server.engine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A unit's failure: the exception type, its message and its stack trace. */
public record UnitError(String type, String message, String stackTrace) {

    public static UnitError of(Throwable t) {
        return of(t, t.getMessage());
    }

    /** The error of {@code t} with a message of the caller's (e.g. one that names the failing step). */
    public static UnitError of(Throwable t, String message) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return new UnitError(t.getClass().getSimpleName(), message, trace.toString());
    }
}
