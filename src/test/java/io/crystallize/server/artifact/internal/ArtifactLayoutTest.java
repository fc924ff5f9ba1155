package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.crystallize.server.artifact.internal.Definitions.experiment;
import static io.crystallize.server.artifact.internal.Definitions.step;
import static io.crystallize.server.artifact.internal.Definitions.treatment;
import static org.assertj.core.api.Assertions.assertThat;

/** The folder layout of SPEC §3 for 2 replicates × 2 conditions, its records, and the run-level files. */
class ArtifactLayoutTest extends ArtifactHttpTest {

    @Test
    void writesAndRecordsEveryArtifactInCrystallizesLayout() throws Exception {
        String name = unique("layout");
        String experimentId = http.createExperiment(experiment(name, List.of(
                        step("math.add", Map.of()),
                        step("artifact.json", Map.of("name", "data.json")),
                        step("stats.summary", Map.of())),
                List.of(treatment("boost", Map.of("delta", 10))), 2, Map.of()));
        JsonNode run = http.runCompleted(experimentId);
        String runId = run.get("id").asString();
        Path v0 = ROOT.resolve(name).resolve("v0");

        assertThat(files(v0)).containsExactlyInAnyOrder("metadata.json", "_manifest.json",
                "baseline/results.json", "baseline/.crystallize_complete",
                "boost/results.json", "boost/.crystallize_complete",
                "replicate_0/baseline/artifact.json/data.json", "replicate_0/boost/artifact.json/data.json",
                "replicate_1/baseline/artifact.json/data.json", "replicate_1/boost/artifact.json/data.json");
        assertThat(json(v0.resolve("replicate_1/baseline/artifact.json/data.json"))).isEqualTo(List.of(0.0, 1.0, 2.0, 3.0, 4.0));
        assertThat(json(v0.resolve("replicate_0/boost/artifact.json/data.json"))).isEqualTo(List.of(10.0, 11.0, 12.0, 13.0, 14.0));
        assertThat(json(v0.resolve("metadata.json")))
                .isEqualTo(Map.of("replicates", 2, "id", experimentId, "name", name));
        assertThat(json(v0.resolve("_manifest.json"))).isEqualTo(Map.of("data.json", "artifact.json"));
        assertThat(Files.size(v0.resolve("baseline/.crystallize_complete"))).isZero();
        Object metrics = Http.JSON.readValue(http.get("/api/runs/" + runId + "/results").bytes(), Map.class).get("metrics");
        assertThat(json(v0.resolve("baseline/results.json")))
                .isEqualTo(Map.of("metrics", ((Map<?, ?>) metrics).get("baseline")));
        assertThat(json(v0.resolve("boost/results.json"))).isEqualTo(Map.of("metrics", ((Map<?, ?>) metrics).get("boost")));

        Http.Response list = http.get("/api/runs/" + runId + "/artifacts");
        assertThat(list.status()).isEqualTo(200);
        JsonNode artifacts = list.json();
        assertThat(artifacts).hasSize(4);
        List<String> order = new ArrayList<>();
        for (JsonNode a : artifacts) {
            order.add(a.get("replicate").asInt() + "/" + a.get("condition").asString());
            Path file = v0.resolve("replicate_" + a.get("replicate").asInt()).resolve(a.get("condition").asString())
                    .resolve("artifact.json/data.json");
            assertThat(a.get("name").asString()).isEqualTo("data.json");
            assertThat(a.get("step").asString()).isEqualTo("artifact.json");
            assertThat(a.get("version").asInt()).isZero();
            assertThat(a.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
            assertThat(a.get("sha256").asString()).isEqualTo(sha256(Files.readAllBytes(file)));
            assertThat(a.get("contentType").asString()).isEqualTo("application/json");
            assertThat(a.get("pruned").asBoolean()).isFalse();
            assertThat(a.get("state").asString()).isEqualTo("AVAILABLE");
            assertThat(a.get("downloadUrl").asString()).isEqualTo("/api/artifacts/" + a.get("id").asString() + "/content");
            assertThat(http.get(a.get("downloadUrl").asString()).bytes()).isEqualTo(Files.readAllBytes(file));
        }
        assertThat(order).containsExactly("0/baseline", "0/boost", "1/baseline", "1/boost");
    }

    @Test
    void listingAnUnknownRunIs404() {
        Http.Response r = http.get("/api/runs/" + java.util.UUID.randomUUID() + "/artifacts");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRunWithoutArtifactsListsNone() {
        String id = http.createExperiment(experiment(unique("none"), List.of(step("stats.summary", Map.of())),
                List.of(), 1, Map.of()));
        String runId = http.runCompleted(id).get("id").asString();
        assertThat(http.get("/api/runs/" + runId + "/artifacts").json()).isEmpty();
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    static Object json(Path file) throws IOException {
        return Http.JSON.readValue(Files.readAllBytes(file), Object.class);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
