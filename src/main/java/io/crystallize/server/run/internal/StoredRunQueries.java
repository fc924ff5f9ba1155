package io.crystallize.server.run.internal;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunQueries;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/** {@link RunQueries} over the run service and the stored results documents (what the API itself serves). */
@Component
class StoredRunQueries implements RunQueries {

    private final RunService runs;
    private final RunReads reads;
    private final JsonMapper json;

    StoredRunQueries(RunService runs, RunReads reads, JsonMapper json) {
        this.runs = runs;
        this.reads = reads;
        this.json = json;
    }

    @Override
    public RunView get(UUID runId) {
        return runs.get(runId);
    }

    @Override
    public Page<RunView> list(UUID experimentId, Collection<RunStatus> statuses, Pageable pageable) {
        return runs.list(experimentId, statuses, pageable);
    }

    @Override
    public ResultsView results(UUID runId) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(reads.results(runId).gzip()))) {
            return json.readValue(in, ResultsView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> logs(UUID runId) {
        return runs.logs(runId);
    }
}
