package io.crystallize.server.engine;

/** The node is shutting down or the thread was interrupted: the run stops and is resumed later. */
public class RunInterruptedException extends RuntimeException {

    public RunInterruptedException(Throwable cause) {
        super("run interrupted", cause);
    }
}
