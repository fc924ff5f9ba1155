package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.crystallize.server.artifact.internal.ArtifactLayoutTest.files;
import static io.crystallize.server.artifact.internal.Definitions.bigAndSmall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention over five versioned runs, each writing a 2 MiB {@code big.bin} and a 1-byte {@code small.txt} per
 * unit with a 1 MB threshold: the files left in each version are those crystallize leaves (reference §7.3), the
 * records of deleted files are PRUNED and their downloads 410. Also the environment overrides.
 */
class RetentionTest extends ArtifactHttpTest {

    static final List<String> RESULTS_ONLY = List.of("baseline/results.json", "t/results.json");
    static final List<String> WITHOUT_BIG = List.of("metadata.json", "_manifest.json",
            "baseline/results.json", "baseline/.crystallize_complete", "t/results.json", "t/.crystallize_complete",
            "replicate_0/baseline/artifact.bytes/small.txt", "replicate_0/t/artifact.bytes/small.txt");
    static final List<String> COMPLETE = concat(WITHOUT_BIG,
            "replicate_0/baseline/artifact.bytes/big.bin", "replicate_0/t/artifact.bytes/big.bin");

    @Test
    void retentionThreeKeepsThreeVersionsAndOnlyTheNewestBigFiles() throws Exception {
        Map<Integer, List<JsonNode>> records = fiveRuns("ret3", Map.of("artifactRetention", 3));
        assertVersions("ret3", RESULTS_ONLY, RESULTS_ONLY, WITHOUT_BIG, WITHOUT_BIG, COMPLETE);
        assertRecords(records, Map.of(0, Set.of(), 1, Set.of(), 2, Set.of("small.txt"), 3, Set.of("small.txt"),
                4, Set.of("small.txt", "big.bin")));
    }

    @Test
    void retentionOneLeavesOlderVersionsWithTheirMetricsOnly() throws Exception {
        Map<Integer, List<JsonNode>> records = fiveRuns("ret1", Map.of("artifactRetention", 1));
        assertVersions("ret1", RESULTS_ONLY, RESULTS_ONLY, RESULTS_ONLY, RESULTS_ONLY, COMPLETE);
        assertRecords(records, Map.of(0, Set.of(), 1, Set.of(), 2, Set.of(), 3, Set.of(),
                4, Set.of("small.txt", "big.bin")));
    }

    @Test
    void retentionZeroKeepsEveryVersionButDropsBigFilesOfOlderOnes() throws Exception {
        Map<Integer, List<JsonNode>> records = fiveRuns("ret0", Map.of("artifactRetention", 0));
        assertVersions("ret0", WITHOUT_BIG, WITHOUT_BIG, WITHOUT_BIG, WITHOUT_BIG, COMPLETE);
        assertRecords(records, Map.of(0, Set.of("small.txt"), 1, Set.of("small.txt"), 2, Set.of("small.txt"),
                3, Set.of("small.txt"), 4, Set.of("small.txt", "big.bin")));
    }

    @Test
    void environmentOverridesApplyWhenTheParamsAreAbsent() throws Exception {
        // CRYSTALLIZE_ARTIFACT_RETENTION=2 and CRYSTALLIZE_BIG_FILE_THRESHOLD_MB=1 (see ArtifactHttpTest).
        runs("env", Map.of(), 3);
        assertVersions("env", RESULTS_ONLY, WITHOUT_BIG, COMPLETE);
    }

    @Test
    void explicitParamsWinOverTheEnvironmentAndBigFilesUnderTheThresholdStay() throws Exception {
        runs("explicit", Map.of("artifactRetention", 3, "bigFileThresholdMb", 3), 3);
        assertVersions("explicit", COMPLETE, COMPLETE, COMPLETE);
    }

    private String name;

    private Map<Integer, List<JsonNode>> fiveRuns(String prefix, Map<String, Object> params) {
        return runs(prefix, params, 5);
    }

    /** Runs a versioned big-and-small experiment {@code n} times; returns each version's records at the end. */
    private Map<Integer, List<JsonNode>> runs(String prefix, Map<String, Object> params, int n) {
        name = unique(prefix);
        Map<String, Object> p = new HashMap<>(params);
        p.put("versioned", true);
        String id = http.createExperiment(bigAndSmall(name, p));
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode run = http.runCompleted(id);
            assertThat(run.get("version").asInt()).isEqualTo(i);
            assertThat(run.get("errorCount").asInt()).isZero();
            runIds.add(run.get("id").asString());
        }
        Map<Integer, List<JsonNode>> records = new HashMap<>();
        for (int v = 0; v < n; v++) {
            List<JsonNode> list = new ArrayList<>();
            http.get("/api/runs/" + runIds.get(v) + "/artifacts").json().forEach(list::add);
            records.put(v, list);
        }
        return records;
    }

    @SafeVarargs
    private void assertVersions(String prefix, List<String>... expected) throws Exception {
        Path folder = ROOT.resolve(name);
        for (int v = 0; v < expected.length; v++) {
            assertThat(files(folder.resolve("v" + v))).as(prefix + " v" + v).containsExactlyInAnyOrderElementsOf(expected[v]);
        }
    }

    /** Per version, the artifact names whose records are still available; all others PRUNED and 410. */
    private void assertRecords(Map<Integer, List<JsonNode>> records, Map<Integer, Set<String>> available) {
        records.forEach((version, list) -> {
            assertThat(list).hasSize(4);
            for (JsonNode a : list) {
                boolean kept = available.get(version).contains(a.get("name").asString());
                assertThat(a.get("state").asString()).as("v" + version + " " + a.get("name"))
                        .isEqualTo(kept ? "AVAILABLE" : "PRUNED");
                assertThat(a.get("pruned").asBoolean()).isEqualTo(!kept);
                Http.Response download = http.get(a.get("downloadUrl").asString());
                assertThat(download.status()).isEqualTo(kept ? 200 : 410);
                if (!kept) {
                    assertThat(download.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(download.json().get("detail").asString()).contains("pruned");
                }
            }
        });
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }
}
