package io.crystallize.server.events;

/** One server-sent event to write: {@code id} null for an event that carries none (see {@link Subscriber}). */
record StreamEvent(String id, String name, Object data) {

    static final String STATUS = "status";
    static final String PROGRESS = "progress";
    static final String UNIT_FAILED = "unit-failed";
    static final String FINISHED = "finished";

    /** What a {@code unit-failed} event carries. */
    record UnitFailure(String key, String type, String message) {
    }
}
