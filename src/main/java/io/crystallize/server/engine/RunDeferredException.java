package io.crystallize.server.engine;

/**
 * Thrown by an execution plugin whose loop continues elsewhere (units handed to other nodes): the
 * coordinating call ends here and the run is completed later with {@link ExperimentEngine#complete}.
 */
public class RunDeferredException extends RuntimeException {

    public RunDeferredException(String message) {
        super(message);
    }
}
