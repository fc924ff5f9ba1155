package io.crystallize.server.run.internal;

import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.run.RunLookup;
import io.crystallize.server.run.SeedView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

/** {@link RunLookup} straight on the run tables. */
@Component
class StoredRunLookup implements RunLookup {

    private final RunRepository runs;
    private final RunViews views;
    private final JsonMapper json;

    StoredRunLookup(RunRepository runs, RunViews views, JsonMapper json) {
        this.runs = runs;
        this.views = views;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> conditions(UUID runId) {
        return RunConditions.of(find(runId), json);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SeedView> seeds(UUID runId) {
        Run run = find(runId);
        return views.seeds(run, RunConditions.of(run, json));
    }

    private Run find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }
}
