package io.crystallize.server.engine;

/** The run itself cannot proceed (a run-level hook, a step's setup, the execution plugin failed). */
public class RunFailedException extends RuntimeException {

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
