package io.crystallize.server.run.web;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunRequest;
import io.crystallize.server.run.internal.RunService;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;
import io.crystallize.server.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Runs: start, read, list, cancel, and a run's results, seeds and log (API.md). */
@RestController
class RunController {

    private final RunService runs;

    RunController(RunService runs) {
        this.runs = runs;
    }

    @GetMapping("/api/runs/{runId}/provenance")
    List<io.crystallize.server.run.ProvenanceView> provenance(@PathVariable UUID runId) {
        return runs.provenance(runId);
    }

    @PostMapping("/api/experiments/{experimentId}/runs")
    ResponseEntity<RunView> start(@PathVariable UUID experimentId, @RequestBody(required = false) RunRequest request) {
        RunView run = runs.start(experimentId, request);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/runs/{runId}")
    RunView get(@PathVariable UUID runId) {
        return runs.get(runId);
    }

    @GetMapping("/api/runs")
    PageResponse<RunView> list(@RequestParam(required = false) UUID experimentId,
                               @RequestParam(required = false) RunStatus status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(runs.list(experimentId, status,
                PageResponse.request(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), r -> r);
    }

    @PostMapping("/api/runs/{runId}/cancel")
    ResponseEntity<RunView> cancel(@PathVariable UUID runId) {
        return ResponseEntity.accepted().body(runs.cancel(runId));
    }

    @GetMapping("/api/runs/{runId}/results")
    ResultsView results(@PathVariable UUID runId) {
        return runs.results(runId);
    }

    @GetMapping(value = "/api/runs/{runId}/results.csv", produces = "text/csv")
    ResponseEntity<String> resultsCsv(@PathVariable UUID runId) {
        java.io.StringWriter out = new java.io.StringWriter();
        runs.resultsCsv(runId, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"run-" + runId + "-results.csv\"")
                .body(out.toString());
    }

    @GetMapping("/api/runs/{runId}/units")
    List<UnitView> units(@PathVariable UUID runId) {
        return runs.units(runId);
    }

    @GetMapping("/api/runs/{runId}/seeds")
    List<SeedView> seeds(@PathVariable UUID runId) {
        return runs.seeds(runId);
    }

    @GetMapping(value = "/api/runs/{runId}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
    String logs(@PathVariable UUID runId) {
        List<String> lines = runs.logs(runId);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
