package io.crystallize.server.run.web;

import io.crystallize.server.run.internal.RunReads;
import io.crystallize.server.access.SubmissionLimiter;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.run.RunRequest;
import io.crystallize.server.run.internal.RunService;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.Tagged;
import io.crystallize.server.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Runs: start, read, list, cancel, and a run's results, seeds, units and log (API.md). */
@RestController
class RunController {

    private final RunService runs;
    private final RunReads reads;
    // Streamed answers are declared as StreamingResponseBody (a ResponseEntity<?> would be written as JSON "{}").
    private final tools.jackson.databind.json.JsonMapper json;
    private final SubmissionLimiter submissions;
    private final WorkspaceAccess access;

    RunController(RunService runs, RunReads reads, SubmissionLimiter submissions, WorkspaceAccess access,
                  tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.runs = runs;
        this.reads = reads;
        this.submissions = submissions;
        this.access = access;
    }

    /**
     * Held to the caller's per-minute submission limit first: a refused submission does nothing else. JSON only
     * (a YAML body is a 415); no body at all starts a run with the experiment's settings.
     */
    @PostMapping(value = "/api/experiments/{experimentId}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(@PathVariable UUID experimentId, @RequestBody(required = false) RunRequest request) {
        org.springframework.http.HttpHeaders limits = submissions.acquire(access.caller().id());
        RunView run = runs.start(experimentId, request);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).headers(limits).body(run);
    }

    /** With {@code If-None-Match} of the current ETag: 304 (API.md, "Cheap polling"). */
    @GetMapping("/api/runs/{runId}")
    ResponseEntity<RunView> get(@PathVariable UUID runId, WebRequest request) {
        Tagged<RunView> run = runs.getTagged(runId);
        if (request.checkNotModified(run.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(run.etag()).body(run.value());
    }

    @GetMapping("/api/runs")
    PageResponse<RunView> list(@RequestParam(required = false) UUID experimentId,
                               @RequestParam(required = false) List<RunStatus> status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(runs.list(experimentId, status,
                PageResponse.request(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), r -> r);
    }

    @DeleteMapping("/api/runs/{runId}")
    ResponseEntity<Void> delete(@PathVariable UUID runId) {
        runs.delete(runId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/runs/{runId}/cancel")
    ResponseEntity<RunView> cancel(@PathVariable UUID runId) {
        return ResponseEntity.accepted().body(runs.cancel(runId));
    }

    /** The stored document, as stored: gzip bytes to clients that accept them, else inflated on the way out. */
    @GetMapping(value = "/api/runs/{runId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> results(@PathVariable UUID runId, WebRequest request) {
        if (request.checkNotModified(reads.resultsEtag(runId))) {
            return null;
        }
        return StoredBodies.json(reads.results(runId), request.getHeader("Accept-Encoding"));
    }

    @GetMapping(value = "/api/runs/{runId}/results.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> resultsCsv(@PathVariable UUID runId) {
        Consumer<Writer> csv = reads.resultsCsv(runId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"run-" + runId + "-results.csv\"")
                .body(out -> {
                    // Not closed by the CSV printer: the container flushes the stream after the body and closes it.
                    Writer writer = new java.io.FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                        @Override
                        public void close() throws java.io.IOException {
                            flush(); // the printer's close ends the CSV, not the response
                        }
                    };
                    csv.accept(writer);
                    writer.flush();
                });
    }

    /** Every unit as a JSON array, streamed; with {@code page} or {@code size}, one page of them. */
    @GetMapping("/api/runs/{runId}/units")
    ResponseEntity<StreamingResponseBody> units(@PathVariable UUID runId, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        if (page != null || size != null) {
            Object units = reads.units(runId, page == null ? 0 : page, size == null ? 100 : size);
            return stream(out -> json.writeValue(out, units));
        }
        return stream(reads.units(runId));
    }

    /** Every unit's provenance (SPEC §7) as a JSON array, streamed. */
    @GetMapping("/api/runs/{runId}/provenance")
    ResponseEntity<StreamingResponseBody> provenance(@PathVariable UUID runId) {
        return stream(reads.provenance(runId));
    }

    /** Every seed as a JSON array, streamed; with {@code page} or {@code size}, one page of them. */
    @GetMapping("/api/runs/{runId}/seeds")
    ResponseEntity<StreamingResponseBody> seeds(@PathVariable UUID runId, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        if (page != null || size != null) {
            Object seeds = reads.seeds(runId, page == null ? 0 : page, size == null ? 100 : size);
            return stream(out -> json.writeValue(out, seeds));
        }
        return stream(reads.seeds(runId));
    }

    /** {@code text/plain} by default; {@code [{at, level, message}]} when the client prefers JSON. */
    @GetMapping(value = "/api/runs/{runId}/logs", produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> logs(@PathVariable UUID runId, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (prefersJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(runs.logEntries(runId));
        }
        List<String> lines = runs.logs(runId);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    /** The first of the client's acceptable types, by quality, that names JSON or plain text; plain text wins ties. */
    private static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isWildcardType() || type.includes(MediaType.TEXT_PLAIN)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<StreamingResponseBody> stream(Consumer<java.io.OutputStream> body) {
        // Not closed by the JSON generator: the container flushes the stream after the body and closes it.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> body.accept(StreamUtils.nonClosing(out)));
    }
}
