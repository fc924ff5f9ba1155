package io.crystallize.server.engine;

/** A run's own log: lines readable over HTTP and mirrored to the server log. Implementations are thread-safe. */
public interface RunLog {

    enum Level { DEBUG, INFO, WARN, ERROR }

    void log(Level level, String message);

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARN, message);
    }

    /** A log that drops every line. */
    RunLog NONE = (level, message) -> { };
}
