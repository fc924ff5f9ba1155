package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.artifact.ArtifactState;
import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Placeable;
import io.crystallize.server.engine.spi.Placement;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.run.RunLookup;
import io.crystallize.server.run.RunView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The {@code artifact} datasource (experiment graphs, SPEC §7): a unit's data is an artifact that the latest
 * completed run of another experiment stored, for the same replicate (cycling when that run had fewer) and the
 * same condition (or {@code condition}; falling back to {@code baseline} when the upstream run lacks it). JSON
 * artifacts are parsed; others are read as UTF-8 text. Bound to a run ({@link Placeable}), it reads only
 * experiments of the workspace of the run's experiment; unbound (the catalog's instance) it reads none.
 */
@Component
class ArtifactDatasource implements Datasource, Placeable<Datasource> {

    /** The name of the param that names the upstream experiment, read to build experiment graphs. */
    static final String EXPERIMENT = "experiment";

    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final JsonMapper json;
    /** Looked up when needed: the run lookup reads experiments, which depend, through the catalog, on this bean. */
    private final ObjectProvider<RunLookup> runs;
    private final ObjectProvider<ExperimentService> experiments;
    /** The workspace of the experiment this instance is placed in; null for the catalog's unbound instance. */
    private final UUID workspace;

    @org.springframework.beans.factory.annotation.Autowired
    ArtifactDatasource(ArtifactRepository artifacts, ArtifactStore store, JsonMapper json, ObjectProvider<RunLookup> runs,
                       ObjectProvider<ExperimentService> experiments) {
        this(artifacts, store, json, runs, experiments, null);
    }

    private ArtifactDatasource(ArtifactRepository artifacts, ArtifactStore store, JsonMapper json,
                               ObjectProvider<RunLookup> runs, ObjectProvider<ExperimentService> experiments, UUID workspace) {
        this.artifacts = artifacts;
        this.store = store;
        this.json = json;
        this.runs = runs;
        this.experiments = experiments;
        this.workspace = workspace;
    }

    @Override
    public Datasource placedAt(Placement placement) {
        UUID in = placement.experimentId() == null ? null
                : experiments.getObject().workspaceOf(UUID.fromString(placement.experimentId())).orElse(null);
        return new ArtifactDatasource(artifacts, store, json, runs, experiments, in);
    }

    @Override
    public String type() {
        return "artifact";
    }

    @Override
    public String description() {
        return "An artifact of the latest completed run of another experiment, for the unit's replicate (cycling when "
                + "that run had fewer) and condition (falling back to baseline); JSON is parsed. With withUpstream "
                + "the other experiment runs first.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required(EXPERIMENT, "string", "the upstream experiment's name"),
                ParamSpec.required("step", "string", "the type of the step that logged the artifact"),
                ParamSpec.required("name", "string", "the artifact's file name"),
                ParamSpec.optional("condition", "string", null, "the upstream condition to read; absent: the unit's own"));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) throws IOException {
        String experiment = params.getString(EXPERIMENT);
        if (workspace == null) {
            throw new IllegalStateException("the artifact datasource reads experiments of its own experiment's "
                    + "workspace, and this one is not placed in an experiment");
        }
        RunView upstream = runs.getObject().latestCompleted(experiment, workspace).orElseThrow(() ->
                new IllegalStateException("experiment '" + experiment + "' has no completed run to read from"));
        String wanted = params.has("condition") ? params.getString("condition") : ctx.condition();
        String condition = upstream.conditions().contains(wanted) ? wanted : ContextKeys.BASELINE_CONDITION;
        int replicate = ctx.replicate() % upstream.replicates();
        String step = params.getString("step");
        String name = params.getString("name");
        ArtifactRecord record = artifacts.findByRunIdAndReplicateAndConditionAndStepAndName(upstream.id(), replicate,
                condition, step, name).orElseThrow(() -> new IllegalStateException("run " + upstream.id() + " of '"
                + experiment + "' has no artifact '" + name + "' of step '" + step + "' for replicate " + replicate
                + ", condition " + condition));
        if (record.getState() != ArtifactState.AVAILABLE) {
            throw new IllegalStateException("artifact " + record.getId() + " of '" + experiment + "' is "
                    + record.getState() + ": its file is gone");
        }
        Resource file = store.read(record.getRootDir(), record.getStorageKey()).orElseThrow(() ->
                new IllegalStateException("the file of artifact " + record.getId() + " is missing"));
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        }
        boolean isJson = name.endsWith(".json") || record.getContentType().startsWith("application/json");
        return isJson ? json.readValue(bytes, Object.class) : new String(bytes, StandardCharsets.UTF_8);
    }
}
