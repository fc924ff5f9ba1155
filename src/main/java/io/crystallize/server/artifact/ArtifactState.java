package io.crystallize.server.artifact;

/**
 * Whether an artifact's bytes can still be downloaded. Records are never deleted, so a link handed out
 * earlier answers 410 Gone instead of 404 (or, worse, other bytes).
 */
public enum ArtifactState {
    /** The file is in the store as recorded. */
    AVAILABLE,
    /** Retention deleted the file. */
    PRUNED,
    /** A later non-versioned run of the experiment replaced its version folder. */
    SUPERSEDED
}
