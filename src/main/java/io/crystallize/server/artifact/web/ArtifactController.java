package io.crystallize.server.artifact.web;

import io.crystallize.server.artifact.internal.ArtifactContent;
import io.crystallize.server.artifact.internal.ArtifactService;
import io.crystallize.server.artifact.internal.ArtifactView;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Artifact records of a run, and their bytes. The download returns a {@link Resource}, so Spring MVC streams
 * it from the store (never the whole file in memory) and answers {@code Range} (206, 416) and
 * {@code If-None-Match} against the ETag (304) itself.
 */
@RestController
@RequestMapping("/api")
class ArtifactController {

    private final ArtifactService artifacts;

    ArtifactController(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    @GetMapping("/runs/{runId}/artifacts")
    List<ArtifactView> list(@PathVariable UUID runId) {
        return artifacts.list(runId);
    }

    @GetMapping("/artifacts/{artifactId}/content")
    ResponseEntity<Resource> content(@PathVariable UUID artifactId) {
        ArtifactContent content = artifacts.content(artifactId);
        return ResponseEntity.ok()
                .eTag("\"" + content.sha256() + "\"")
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(content.name()))
                .header("X-Content-Type-Options", "nosniff")
                // Revalidate with the ETag: a re-executed step may rewrite an artifact under the same id.
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(content.resource());
    }
}
