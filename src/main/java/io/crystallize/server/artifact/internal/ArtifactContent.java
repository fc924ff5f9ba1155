package io.crystallize.server.artifact.internal;

import org.springframework.core.io.Resource;

/** An available artifact's bytes, opened lazily, with what the download headers need. */
public record ArtifactContent(String name, String contentType, String sha256, Resource resource) {
}
