package io.crystallize.server.artifact.internal;

import java.util.UUID;

/** What the plugin records after writing one artifact's bytes. */
record NewArtifact(UUID runId, UUID experimentId, String experimentName, int version, int replicate, String condition,
                   int stepIndex, String step, String name, String rootDir, String storageKey, StoredFile stored,
                   String contentType) {
}
