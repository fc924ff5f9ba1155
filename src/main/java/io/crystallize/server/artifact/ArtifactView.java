package io.crystallize.server.artifact;

import java.util.UUID;

/**
 * An artifact as {@code GET /api/runs/{id}/artifacts} lists it (API.md). {@code pruned} is true when the bytes
 * can no longer be downloaded ({@code state} PRUNED or SUPERSEDED, the download answers 410); {@code state}
 * tells which.
 */
public record ArtifactView(UUID id, String name, String step, int replicate, String condition, int version,
                           long sizeBytes, String sha256, String contentType, boolean pruned, ArtifactState state,
                           String downloadUrl) {
}
