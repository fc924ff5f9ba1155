package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.crystallize.server.artifact.internal.Definitions.experiment;
import static io.crystallize.server.artifact.internal.Definitions.step;
import static io.crystallize.server.artifact.internal.Definitions.treatment;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile names are refused at submission and never write outside the root; the size limits are unit errors naming the limit. */
class SafetyAndLimitsTest extends ArtifactHttpTest {

    @Test
    void hostileArtifactNamesAreRejectedAtSubmissionAndWriteNothingOutsideTheRoot() throws Exception {
        String name = unique("hostile");
        // artifact.json takes its name from the context key "name" when the step gives none: one treatment per name.
        List<String> names = List.of("../escape.json", "..", "/tmp/escape.json", "..\\escape.json", "bell\u0007.json", "",
                "x".repeat(256));
        List<Map<String, Object>> treatments = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            treatments.add(treatment("t" + i, Map.of("name", names.get(i))));
        }
        Http.Response r = http.post("/api/experiments", experiment(name, List.of(step("artifact.json", Map.of())),
                treatments, 1, Map.of()));
        assertThat(r.status()).as(r.json().toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        for (int i = 0; i < names.size(); i++) {
            assertThat(fields).as(names.get(i)).contains("treatments[" + i + "].context.name");
        }
        assertThat(r.json().toString()).contains("at most 255 bytes");
        assertThat(http.get("/api/experiments?name=" + name).json().get("totalElements").asLong()).isZero();
        assertNothingOutsideTheRoot();
    }

    @Test
    void aRootDirThroughASymlinkOutOfTheAllowedRootsIsRejected() throws Exception {
        Path link = ROOT.resolve(unique("escape"));
        Files.createDirectories(ROOT);
        Files.createSymbolicLink(link, Path.of("/"));
        Map<String, Object> definition = new java.util.HashMap<>(experiment(unique("symlinked"),
                List.of(step("artifact.json", Map.of())), List.of(), 1, Map.of()));
        definition.put("plugins", List.of(Map.of("type", "artifacts", "params", Map.of("rootDir", link.resolve("etc").toString()))));
        Http.Response r = http.post("/api/experiments", definition);
        assertThat(r.status()).as(r.json().toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("plugins[0].params.rootDir");
        Files.delete(link);
    }

    @Test
    void aTreatmentNameThatIsNoFolderNameIsRejectedAtSubmission() throws Exception {
        Http.Response r = http.post("/api/experiments", experiment(unique("badcondition"),
                List.of(step("artifact.json", Map.of())), List.of(treatment("../../outside", Map.of())), 1, Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("treatments[0].name");
    }

    @Test
    void anArtifactOverTheSizeLimitFailsItsUnit() {
        String id = http.createExperiment(experiment(unique("toobig"), List.of(
                        step("artifact.bytes", Map.of("name", "big.bin", "size", 4 * MIB))),
                List.of(), 1, Map.of()));
        JsonNode run = http.run(id, null);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("errorCount").asInt()).isEqualTo(1);
        JsonNode error = http.get("/api/runs/" + run.get("id").asString() + "/results").json().get("errors")
                .get("baseline_rep_0");
        assertThat(error.get("message").asString()).contains("'big.bin'", "over the limit",
                "crystallize.artifacts.max-artifact-size");
        assertThat(http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json()).isEmpty();
    }

    @Test
    void artifactsPastTheRunLimitFailTheirUnitsAndTheRestAreKept() {
        // 3 replicates × 2 conditions × 2.5 MiB = 15 MiB against a 12 MB run limit.
        String id = http.createExperiment(experiment(unique("runlimit"), List.of(
                        step("artifact.bytes", Map.of("name", "part.bin", "size", 5 * MIB / 2))),
                List.of(treatment("t", Map.of())), 3, Map.of()));
        JsonNode run = http.run(id, null);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode results = http.get("/api/runs/" + run.get("id").asString() + "/results").json();
        List<String> messages = new ArrayList<>();
        results.get("errors").forEach(e -> messages.add(e.get("message").asString()));
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).contains("crystallize.artifacts.max-run-size"));
        long total = 0;
        for (JsonNode a : http.get("/api/runs/" + run.get("id").asString() + "/artifacts").json()) {
            total += a.get("sizeBytes").asLong();
        }
        assertThat(total).isPositive().isLessThanOrEqualTo(12L * 1024 * 1024);
    }

    /** The root's parent holds only the root: no write ever landed beside it. */
    private static void assertNothingOutsideTheRoot() throws Exception {
        try (Stream<Path> siblings = Files.list(SANDBOX)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("root");
        }
        try (Stream<Path> all = Files.walk(ROOT)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("escape") || n.equals("outside"));
        }
    }
}
