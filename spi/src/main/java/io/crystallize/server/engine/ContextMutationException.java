package io.crystallize.server.engine;

/** A context key was written twice: keys may be added, never changed (crystallize's ContextMutationError). */
public class ContextMutationException extends RuntimeException {

    public ContextMutationException(String message) {
        super(message);
    }
}
