package io.crystallize.server.artifact.internal;

/** An artifact over a configured limit; thrown from {@code afterStep}, so it becomes the unit's error. */
class ArtifactLimitExceededException extends RuntimeException {

    ArtifactLimitExceededException(String message) {
        super(message);
    }
}
