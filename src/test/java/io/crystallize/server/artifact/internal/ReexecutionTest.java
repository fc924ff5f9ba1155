package io.crystallize.server.artifact.internal;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.engine.DatasourceInvocation;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamResolver;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.artifact.internal.ArtifactLayoutTest.files;
import static io.crystallize.server.artifact.internal.Definitions.experiment;
import static io.crystallize.server.artifact.internal.Definitions.step;
import static io.crystallize.server.artifact.internal.Definitions.treatment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run executed again after a crash (same run id): the plugin keeps what the run wrote before and records
 * an artifact written again by updating its row, never adding a second one.
 */
class ReexecutionTest extends ArtifactHttpTest {

    @Autowired
    ArtifactPluginFactory factory;
    @Autowired
    Catalog catalog;

    @Test
    void recordingAgainIsIdempotentAndTheRunKeepsItsFiles() throws Exception {
        String name = unique("again");
        String id = http.createExperiment(experiment(name, List.of(step("artifact.json", Map.of("name", "data.json"))),
                List.of(treatment("t", Map.of())), 2, Map.of()));
        JsonNode run = http.runCompleted(id);
        String runId = run.get("id").asString();
        Path v0 = ROOT.resolve(name).resolve("v0");
        List<String> artifacts = files(v0).stream().filter(f -> f.startsWith("replicate_")).toList();
        assertThat(artifacts).hasSize(4);
        JsonNode recordsBefore = http.get("/api/runs/" + runId + "/artifacts").json();

        // The run's second execution: a fresh plugin instance, the same run id.
        ExperimentPlugin plugin = factory.create(ParamResolver.resolve("plugin", factory.params(), Map.of(), null));
        StepInvocation step = new StepInvocation(0, catalog.step("artifact.json").orElseThrow(), Map.of("name", "data.json"));
        Experiment experiment = Experiment.builder().id(id).name(name).runId(runId).version(0).replicates(2)
                .datasource(new DatasourceInvocation(catalog.datasource("range").orElseThrow(), Map.of("end", 5)))
                .steps(List.of(step)).build();
        plugin.beforeRun(experiment);
        // Its artifacts stay; the run-level files (results, markers) go until afterRun writes them again.
        assertThat(files(v0)).containsExactlyInAnyOrderElementsOf(artifacts);

        FrozenContext ctx = new FrozenContext(Map.of("replicate", 1, "condition", "t"), RunLog.NONE);
        ctx.artifacts().add("data.json", "[\"again\"]".getBytes());
        plugin.afterStep(experiment, step, null, ctx);

        JsonNode records = http.get("/api/runs/" + runId + "/artifacts").json();
        assertThat(records).hasSize(recordsBefore.size());
        JsonNode rewritten = records.get(3);
        assertThat(rewritten.get("id").asString()).isEqualTo(recordsBefore.get(3).get("id").asString());
        assertThat(rewritten.get("sizeBytes").asLong()).isEqualTo(9);
        assertThat(rewritten.get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(http.get(rewritten.get("downloadUrl").asString()).text()).isEqualTo("[\"again\"]");
        assertThat(Files.readString(v0.resolve("replicate_1/t/artifact.json/data.json"))).isEqualTo("[\"again\"]");
        for (int i = 0; i < 3; i++) {
            assertThat(records.get(i).get("state").asString()).isEqualTo("AVAILABLE");
        }
    }
}
