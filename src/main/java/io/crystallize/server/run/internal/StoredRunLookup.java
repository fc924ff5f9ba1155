package io.crystallize.server.run.internal;

import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.run.RunLookup;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link RunLookup} straight on the run tables. */
@Component
class StoredRunLookup implements RunLookup {

    private final RunRepository runs;
    private final RunViews views;
    /** Looked up when needed: experiments depend, through the catalog, on the plugins that use this lookup. */
    private final ObjectProvider<ExperimentService> experiments;

    StoredRunLookup(RunRepository runs, RunViews views, ObjectProvider<ExperimentService> experiments) {
        this.experiments = experiments;
        this.runs = runs;
        this.views = views;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> conditions(UUID runId) {
        return find(runId).getConditions();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SeedView> seeds(UUID runId, List<String> conditions) {
        return views.seeds(runId, conditions, 0, -1);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RunView> latestCompleted(String experimentName, UUID workspaceId) {
        return experiments.getObject().idOf(experimentName, workspaceId).flatMap(id ->
                runs.findFirstByExperimentIdAndStatusOrderByCreatedAtDesc(id, RunStatus.COMPLETED)).map(views::view);
    }

    private Run find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }
}
