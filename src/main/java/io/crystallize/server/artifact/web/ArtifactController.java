package io.crystallize.server.artifact.web;

import io.crystallize.server.artifact.internal.ArtifactContent;
import io.crystallize.server.artifact.internal.ArtifactService;
import io.crystallize.server.artifact.ArtifactView;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Artifact records of a run, and their bytes. The download streams from the store (never the whole file in memory);
 * {@code If-None-Match} against the ETag answers 304, and {@code Range} is answered as RFC 9110 says (see
 * {@link ByteRanges}): a malformed range or another unit is ignored (200, the whole file), an unsatisfiable one is a
 * 416 with {@code Content-Range: bytes *}{@code /<length>} and no file bytes.
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
    ResponseEntity<?> content(@PathVariable UUID artifactId,
                              @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                              @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) String ifRange)
            throws IOException {
        ArtifactContent content = artifacts.content(artifactId);
        String etag = "\"" + content.sha256() + "\"";
        Resource resource = content.resource();
        long length = resource.contentLength();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(content.name()))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header("X-Content-Type-Options", "nosniff")
                // Revalidate with the ETag: a re-executed step may rewrite an artifact under the same id.
                .cacheControl(CacheControl.noCache().cachePrivate());
        boolean useRange = range != null && (ifRange == null || ifRange.trim().equals(etag));
        ByteRanges.Outcome outcome = useRange ? ByteRanges.evaluate(range, length) : ByteRanges.Outcome.ignored();
        if (outcome.unsatisfiable()) {
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).eTag(etag)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(org.springframework.http.ProblemDetail.forStatusAndDetail(
                            HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "no requested range overlaps the "
                                    + length + " bytes of the artifact"));
        }
        if (outcome.partial()) {
            return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).eTag(etag)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes " + outcome.start() + "-" + outcome.end() + "/" + length)
                    .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(content.name()))
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(content.contentType())).contentLength(outcome.length())
                    .body(outcome.body(resource));
        }
        // Not a Resource subtype that Spring MVC applies Range to itself: the decision above is the only one.
        return ok.contentType(MediaType.parseMediaType(content.contentType())).contentLength(length)
                .body(new org.springframework.core.io.InputStreamResource(resource)); // opened only when written
    }
}
