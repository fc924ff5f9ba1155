package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
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

/**
 * The {@code artifact} datasource (experiment graphs, SPEC §7): a unit's data is an artifact that the latest
 * completed run of another experiment stored, for the same replicate (cycling when that run had fewer) and the
 * same condition (or {@code condition}; falling back to {@code baseline} when the upstream run lacks it). JSON
 * artifacts are parsed; others are read as UTF-8 text.
 */
@Component
class ArtifactDatasource implements Datasource {

    /** The name of the param that names the upstream experiment, read to build experiment graphs. */
    static final String EXPERIMENT = "experiment";

    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final JsonMapper json;
    /** Looked up when needed: the run lookup reads experiments, which depend, through the catalog, on this bean. */
    private final ObjectProvider<RunLookup> runs;

    ArtifactDatasource(ArtifactRepository artifacts, ArtifactStore store, JsonMapper json, ObjectProvider<RunLookup> runs) {
        this.artifacts = artifacts;
        this.store = store;
        this.json = json;
        this.runs = runs;
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
        RunView upstream = runs.getObject().latestCompleted(experiment).orElseThrow(() ->
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
