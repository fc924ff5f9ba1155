package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
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

/** Versioned runs get a new version folder each; non-versioned runs replace v0 and supersede earlier records. */
class VersioningTest extends ArtifactHttpTest {

    private static Map<String, Object> definition(String name, Map<String, Object> artifactParams) {
        return experiment(name, List.of(step("artifact.json", Map.of("name", "data.json"))),
                List.of(treatment("t", Map.of())), 2, artifactParams);
    }

    @Test
    void versionedRunsWriteOneVersionFolderEach() throws Exception {
        String name = unique("versioned");
        String id = http.createExperiment(definition(name, Map.of("versioned", true, "artifactRetention", 0)));
        for (int v = 0; v < 3; v++) {
            JsonNode run = http.runCompleted(id);
            assertThat(run.get("version").asInt()).isEqualTo(v);
            JsonNode artifacts = http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json();
            assertThat(artifacts).hasSize(4);
            for (JsonNode a : artifacts) {
                assertThat(a.get("version").asInt()).isEqualTo(v);
            }
        }
        Path folder = ROOT.resolve(name);
        try (var versions = Files.list(folder)) {
            assertThat(versions.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("v0", "v1", "v2");
        }
        for (String v : List.of("v0", "v1", "v2")) {
            assertThat(files(folder.resolve(v))).contains("replicate_1/t/artifact.json/data.json", "metadata.json");
        }
    }

    @Test
    void aNonVersionedRunReplacesVersionZeroAndSupersedesTheEarlierRecords() throws Exception {
        String name = unique("replace");
        String id = http.createExperiment(definition(name, Map.of()));
        JsonNode first = http.runCompleted(id);
        Path v0 = ROOT.resolve(name).resolve("v0");
        Files.writeString(v0.resolve("replicate_1/stray.txt"), "not written by any run");
        assertThat(files(v0)).contains("replicate_1/baseline/artifact.json/data.json");

        // The second run has one replicate: replicate_1 of the first run must not survive as a stale folder.
        JsonNode second = http.run(id, Map.of("replicates", 1));
        assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(second.get("version").asInt()).isZero();
        assertThat(files(v0)).containsExactlyInAnyOrder("metadata.json", "_manifest.json",
                "baseline/results.json", "baseline/.crystallize_complete", "t/results.json", "t/.crystallize_complete",
                "replicate_0/baseline/artifact.json/data.json", "replicate_0/t/artifact.json/data.json");
        assertThat(Files.exists(v0.resolve("replicate_1"))).isFalse();
        assertThat(ArtifactLayoutTest.json(v0.resolve("metadata.json"))).isEqualTo(Map.of("replicates", 1, "id", id,
                "name", name));

        for (JsonNode a : http.get("/api/runs/" + first.get("id").asString() + "/artifacts").json()) {
            assertThat(a.get("state").asString()).isEqualTo("SUPERSEDED");
            assertThat(a.get("pruned").asBoolean()).isTrue();
            Http.Response download = http.get(a.get("downloadUrl").asString());
            assertThat(download.status()).isEqualTo(410);
            assertThat(download.json().get("detail").asString()).contains("superseded");
        }
        JsonNode current = http.get("/api/runs/" + second.get("id").asString() + "/artifacts").json();
        assertThat(current).hasSize(2);
        for (JsonNode a : current) {
            assertThat(a.get("state").asString()).isEqualTo("AVAILABLE");
            assertThat(http.get(a.get("downloadUrl").asString()).status()).isEqualTo(200);
        }
    }

    @Test
    void aResumedRunKeepsTheArtifactsOfTheUnitsItCarriesOver() throws Exception {
        String name = unique("resume");
        String id = http.createExperiment(experiment(name, List.of(step("artifact.json", Map.of("name", "data.json"))),
                List.of(treatment("a", Map.of()), treatment("b", Map.of())), 1, Map.of()));
        JsonNode first = http.run(id, Map.of("treatments", List.of("a")));
        JsonNode resumed = http.run(id, Map.of("strategy", "resume"));
        assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");

        Path v0 = ROOT.resolve(name).resolve("v0");
        assertThat(files(v0)).contains("replicate_0/baseline/artifact.json/data.json",
                "replicate_0/a/artifact.json/data.json", "replicate_0/b/artifact.json/data.json");
        JsonNode artifacts = http.get("/api/runs/" + resumed.get("id").asString() + "/artifacts").json();
        List<String> conditions = new java.util.ArrayList<>();
        for (JsonNode a : artifacts) {
            conditions.add(a.get("condition").asString());
            assertThat(a.get("state").asString()).isEqualTo("AVAILABLE");
            assertThat(http.get(a.get("downloadUrl").asString()).status()).isEqualTo(200);
        }
        assertThat(conditions).containsExactly("baseline", "a", "b");
        for (JsonNode a : http.get("/api/runs/" + first.get("id").asString() + "/artifacts").json()) {
            assertThat(a.get("state").asString()).isEqualTo("SUPERSEDED");
        }
    }
}
