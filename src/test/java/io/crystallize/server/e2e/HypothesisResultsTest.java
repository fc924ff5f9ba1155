package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Several treatments: Holm-corrected p-values by default, rankers, integrity flags and the CSV export. */
class HypothesisResultsTest extends E2eTest {

    private Map<String, Object> threeTreatments(String name, Object ranker, String correction) {
        Map<String, Object> d = Definitions.minimal(name);
        d.put("datasource", Map.of("type", "random.normal", "params", Map.of("n", 30)));
        d.put("steps", List.of(Map.of("type", "math.add"), Map.of("type", "noise.gaussian", "params", Map.of("sd", 0.5)),
                Map.of("type", "stats.summary")));
        d.put("treatments", List.of(Map.of("name", "small", "context", Map.of("delta", 0.05)),
                Map.of("name", "large", "context", Map.of("delta", 1.0)),
                Map.of("name", "none", "context", Map.of("delta", 0.0))));
        d.put("replicates", 6);
        Map<String, Object> h = new java.util.LinkedHashMap<>(Map.of("name", "h",
                "verifier", Map.of("type", "welch_t_test"), "metrics", "mean"));
        if (ranker != null) {
            h.put("ranker", ranker);
        }
        if (correction != null) {
            h.put("correction", correction);
        }
        d.put("hypotheses", List.of(h));
        return d;
    }

    private JsonNode hypothesis(Map<String, Object> definition) {
        String runId = api.startRun(api.createExperiment(definition), null);
        assertThat(api.awaitFinished(runId).get("status").asString()).isEqualTo("COMPLETED");
        return api.get("/api/runs/" + runId + "/results").json().get("hypotheses").get(0);
    }

    @Test
    void holmAdjustsThePValuesOfSeveralTreatmentsByDefault() {
        JsonNode h = hypothesis(threeTreatments(unique("holm"), null, null));
        List<String> names = List.of("small", "large", "none");
        List<double[]> byP = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode r = h.get("results").get(names.get(i));
            assertThat(r.get("correction").asString()).isEqualTo("holm");
            byP.add(new double[] {r.get("p_value").asDouble(), r.get("p_adjusted").asDouble(), i});
            // Six replicates per arm: fewer than 10 values, so the result carries the LOW_N flag.
            assertThat(r.get("flags").toString()).contains("LOW_N");
        }
        byP.sort(Comparator.comparingDouble(a -> a[0]));
        double running = 0;
        for (int rank = 0; rank < 3; rank++) {
            running = Math.max(running, Math.min(1.0, (3 - rank) * byP.get(rank)[0]));
            assertThat(byP.get(rank)[1]).isCloseTo(running, within(1e-15));
        }
        assertThat(h.get("ranking").get("best").asString()).isEqualTo("large");
    }

    @Test
    void rankersAndCorrectionsCanBeChosen() {
        JsonNode h = hypothesis(threeTreatments(unique("rankers"), Map.of("key", "effect_size", "direction", "desc"),
                "bonferroni"));
        JsonNode ranked = h.get("ranking").get("ranked");
        assertThat(ranked.get(0).get(0).asString()).isEqualTo("large");
        assertThat(ranked.get(0).get(1).asDouble()).isGreaterThan(ranked.get(1).get(1).asDouble());
        JsonNode small = h.get("results").get("small");
        assertThat(small.get("p_adjusted").asDouble())
                .isCloseTo(Math.min(1.0, 3 * small.get("p_value").asDouble()), within(1e-15));
    }

    @Test
    void theCsvExportHasOneRowPerUnitAndMetricValue() {
        Map<String, Object> d = Definitions.minimal(unique("csv"));
        String runId = api.startRun(api.createExperiment(d), null);
        api.awaitFinished(runId);
        Api.Response csv = api.get("/api/runs/" + runId + "/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("replicate,condition,seed,metric,index,value,tags");
        // 2 replicates × 2 conditions × 6 summary metrics (mean, sum, sd, min, max, n)
        assertThat(lines).hasSize(1 + 2 * 2 * 6);
        assertThat(lines[1]).startsWith("0,baseline,1,mean,0,2.0");
        assertThat(lines[7]).startsWith("0,t,1,mean,0,3.0");
        assertThat(lines[13]).startsWith("1,baseline,31338,mean,0,2.0");
        assertThat(api.get("/api/runs/00000000-0000-0000-0000-000000000000/results.csv").status()).isEqualTo(404);
    }
}
