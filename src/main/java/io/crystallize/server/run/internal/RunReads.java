package io.crystallize.server.run.internal;

import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;
import io.crystallize.server.run.StoredResults;

import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.web.PageResponse;
import org.springframework.stereotype.Service;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A run's results, seeds, units and CSV, read without growing with the run: the results document is computed
 * once and served as stored; seeds, units and CSV are written from a cursor (or read a page at a time). Each
 * method checks the run (404, 409) before it returns, so a client gets a problem, never half a body.
 */
@Service
public class RunReads {

    /** The largest page of units or seeds. */
    public static final int MAX_PAGE_SIZE = 10_000;

    private final RunService runs;
    private final RunViews views;
    private final ResultsDocument results;
    private final ResultsCsv csv;

    RunReads(RunService runs, RunViews views, ResultsDocument results, ResultsCsv csv) {
        this.runs = runs;
        this.views = views;
        this.results = results;
        this.csv = csv;
    }

    /**
     * The ETag of a finished run's results (409 before it has finished); the document is built when missing. A
     * stored document costs two plain SQL reads, the run's status and the ETag (none when it is cached).
     */
    public String resultsEtag(UUID runId) {
        requireFinished(runId);
        return results.etag(runId).orElseGet(() -> prepare(runId).etag());
    }

    public StoredResults results(UUID runId) {
        requireFinished(runId);
        return results.find(runId).orElseGet(() -> prepare(runId));
    }

    /**
     * 404 for a run that is not (or no longer) stored, 409 for one that has not finished: read from the run's row
     * on every request, so a document cached on this node is never served for a run deleted on another.
     */
    private void requireFinished(UUID runId) {
        RunStatus status = views.status(runId).orElseThrow(() -> new NotFoundException("run", runId));
        if (!status.isFinished()) {
            throw notFinished(runId, status);
        }
    }

    private StoredResults prepare(UUID runId) {
        Run run = finished(runId);
        return results.prepare(run, run.getConditions());
    }

    /** Writes every seed as a JSON array. */
    public Consumer<OutputStream> seeds(UUID runId) {
        Run run = runs.find(runId);
        List<String> conditions = run.getConditions();
        return out -> views.seeds(run, conditions, out);
    }

    public PageResponse<SeedView> seeds(UUID runId, int page, int size) {
        checkPage(page, size);
        Run run = runs.find(runId);
        return page(views.seeds(run, run.getConditions(), (long) page * size, size), page, size,
                views.count(run, UnitCursor.Filter.WITH_SEED));
    }

    /** Writes every unit as a JSON array. */
    public Consumer<OutputStream> units(UUID runId) {
        Run run = runs.find(runId);
        List<String> conditions = run.getConditions();
        return out -> views.units(run, conditions, out);
    }

    public PageResponse<UnitView> units(UUID runId, int page, int size) {
        checkPage(page, size);
        Run run = runs.find(runId);
        return page(views.units(run, run.getConditions(), (long) page * size, size), page, size,
                views.count(run, UnitCursor.Filter.ALL));
    }

    /** Writes every unit's provenance (SPEC §7) as a JSON array: per step, keys read and written, metrics, cache hit. */
    public Consumer<OutputStream> provenance(UUID runId) {
        Run run = runs.find(runId);
        List<String> conditions = run.getConditions();
        return out -> views.provenance(run, conditions, out);
    }

    /** Writes the per-unit metrics of a finished run as CSV (409 before it has finished). */
    public Consumer<Writer> resultsCsv(UUID runId) {
        Run run = finished(runId);
        List<String> conditions = run.getConditions();
        return out -> csv.write(run, conditions, out);
    }

    private Run finished(UUID runId) {
        Run run = runs.find(runId);
        if (!run.getStatus().isFinished()) {
            throw notFinished(runId, run.getStatus());
        }
        return run;
    }

    private static ConflictException notFinished(UUID runId, RunStatus status) {
        return new ConflictException("run " + runId + " is " + status + "; results are ready once it has finished");
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw InvalidRequestException.of("page", "must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidRequestException.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static <T> PageResponse<T> page(List<T> content, int page, int size, long total) {
        return new PageResponse<>(content, page, size, total, (int) ((total + size - 1) / size));
    }
}
