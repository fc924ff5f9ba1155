package io.crystallize.server.artifact.internal;

import java.util.UUID;

/**
 * An artifact as {@code GET /api/runs/{id}/artifacts} lists it (API.md). {@code pruned} is true when the bytes
 * can no longer be downloaded ({@code state} PRUNED or SUPERSEDED, the download answers 410); {@code state}
 * tells which.
 */
public record ArtifactView(UUID id, String name, String step, int replicate, String condition, int version,
                           long sizeBytes, String sha256, String contentType, boolean pruned, ArtifactState state,
                           String downloadUrl) {

    static ArtifactView of(ArtifactRecord a) {
        return new ArtifactView(a.getId(), a.getName(), a.getStep(), a.getReplicate(), a.getCondition(),
                a.getVersion(), a.getSizeBytes(), a.getSha256(), a.getContentType(),
                a.getState() != ArtifactState.AVAILABLE, a.getState(), "/api/artifacts/" + a.getId() + "/content");
    }
}
