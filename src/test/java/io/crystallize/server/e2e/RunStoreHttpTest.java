package io.crystallize.server.e2e;

import io.crystallize.server.engine.UnitOrder;
import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of the run store over real HTTP: ETag and 304 on runs, experiments and results (API.md, "Cheap
 * polling"), gzip of JSON, problem+json and CSV over 2 KB, streamed seeds and units in API.md's shapes, and paging.
 */
class RunStoreHttpTest extends E2eTest {

    private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");

    private String finishedRun(String name, int replicates) {
        Map<String, Object> d = Definitions.example(unique(name), Map.of("type", "serial"), List.of());
        d.put("replicates", replicates);
        String runId = api.startRun(api.createExperiment(d), null);
        JsonNode run = api.awaitCompleted(runId, Duration.ofSeconds(60));
        // The counters are written with the units, before the run is marked COMPLETED: never behind.
        assertThat(run.path("progress").path("completedUnits").asLong()).isEqualTo(replicates * 2L);
        return runId;
    }

    @Test
    void runStatusHasAnETagAndAnUnchangedOneIsNotModified() {
        String runId = finishedRun("etag-run", 3);
        Api.Response first = api.get("/api/runs/" + runId);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank().doesNotStartWith("W/");

        Api.Response again = api.get("/api/runs/" + runId, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(api.get("/api/runs/" + runId, Map.of("If-None-Match", "\"stale\"")).status()).isEqualTo(200);
    }

    @Test
    void theETagOfARunChangesWithItsProgress() {
        Map<String, Object> d = Definitions.example(unique("etag-progress"), Map.of("type", "serial"), List.of());
        d.put("steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 100)), Map.of("type", "stats.summary")));
        d.put("replicates", 20);
        String runId = api.startRun(api.createExperiment(d), null);
        String queuedOrEarly = api.get("/api/runs/" + runId).header("ETag");
        JsonNode done = api.awaitCompleted(runId, Duration.ofSeconds(60));
        Api.Response finished = api.get("/api/runs/" + runId, Map.of("If-None-Match", queuedOrEarly));
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.json()).isEqualTo(done);
    }

    @Test
    void anExperimentHasAnETagAndAnUnchangedOneIsNotModified() {
        String id = api.createExperiment(Definitions.example(unique("etag-exp"), null, List.of()));
        Api.Response first = api.get("/api/experiments/" + id);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(api.get("/api/experiments/" + id, Map.of("If-None-Match", etag)).status()).isEqualTo(304);
    }

    @Test
    void resultsAreStoredOnceWithAStrongETagAndSentGzippedToClientsThatAcceptIt() {
        String runId = finishedRun("results-gzip", 200);
        Api.BytesResponse plain = api.getBytes("/api/runs/" + runId + "/results", Map.of());
        Api.BytesResponse gzip = api.getBytes("/api/runs/" + runId + "/results", GZIP);

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        assertThat(Api.JSON.readTree(gzip.text())).isEqualTo(Api.JSON.readTree(plain.text()));
        String etag = plain.header("ETag");
        assertThat(etag).startsWith("\"").isEqualTo(gzip.header("ETag"));
        assertThat(api.get("/api/runs/" + runId + "/results", Map.of("If-None-Match", etag)).status()).isEqualTo(304);
        assertThat(plain.header("Content-Length")).isEqualTo(String.valueOf(plain.body().length));
        assertThat(gzip.header("Content-Length")).isEqualTo(String.valueOf(gzip.body().length));
        // A Range on the document is ignored (RFC 9110 allows it): the whole document, as without one.
        Api.BytesResponse ranged = api.getBytes("/api/runs/" + runId + "/results", Map.of("Range", "bytes=0-9"));
        assertThat(ranged.status()).isEqualTo(200);
        assertThat(ranged.body()).isEqualTo(plain.body());

        JsonNode results = Api.JSON.readTree(plain.text());
        assertThat(results.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(results.path("metrics").path("baseline").path("mean").size()).isEqualTo(200);
        assertThat(results.path("metrics").path("boost").path("seed_used").get(1).asLong()).isEqualTo(42 + 31337);
        assertThat(results.path("metrics").path("baseline").path("n").get(0).isIntegralNumber()).isTrue();
    }

    @Test
    void largeJsonProblemAndCsvAnswersAreGzippedAndSmallOnesAreNot() {
        String runId = finishedRun("gzip-kinds", 100);
        Api.BytesResponse seeds = api.getBytes("/api/runs/" + runId + "/seeds", GZIP);
        assertThat(seeds.header("Content-Encoding")).as("streamed JSON").isEqualTo("gzip");
        assertThat(Api.JSON.readTree(seeds.text()).size()).isEqualTo(200);
        Api.BytesResponse csv = api.getBytes("/api/runs/" + runId + "/results.csv", GZIP);
        assertThat(csv.header("Content-Encoding")).as("CSV").isEqualTo("gzip");
        assertThat(csv.text()).startsWith("replicate,condition,seed,metric,index,value,tags");

        Map<String, Object> bad = Definitions.minimal(unique("gzip-problem"));
        List<Object> treatments = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            treatments.add(Map.of("name", "t", "context", Map.of("delta", i)));
        }
        bad.put("treatments", treatments);
        Api.BytesResponse problem = postBytes("/api/experiments", bad);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.header("Content-Encoding")).as("problem+json over 2 KB").isEqualTo("gzip");
        assertThat(Api.JSON.readTree(problem.text()).path("errors").size()).isGreaterThan(10);

        Api.BytesResponse small = api.getBytes("/api/runs/" + runId, GZIP);
        assertThat(small.body().length).isLessThan(2048);
        assertThat(small.header("Content-Encoding")).as("under 2 KB").isNull();
        assertThat(small.header("Content-Length")).as("a JSON answer is written with its length, not in chunks")
                .isEqualTo(String.valueOf(small.body().length));
    }

    @Test
    void seedsAndUnitsStreamInRunOrderAndPageOnRequest() {
        String runId = finishedRun("paging", 12);
        JsonNode seeds = api.get("/api/runs/" + runId + "/seeds").json();
        assertThat(seeds.size()).isEqualTo(24);
        assertThat(seeds.get(0).toString()).isEqualTo("{\"replicate\":0,\"condition\":\"baseline\",\"seed\":42}");
        assertThat(seeds.get(1).toString()).isEqualTo("{\"replicate\":0,\"condition\":\"boost\",\"seed\":42}");
        assertThat(seeds.get(23).path("replicate").asInt()).isEqualTo(11);
        JsonNode units = api.get("/api/runs/" + runId + "/units").json();
        assertThat(units.size()).isEqualTo(24);
        assertThat(units.get(3).path("condition").asString()).isEqualTo("boost");
        assertThat(units.get(3).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(units.get(3).has("finishedAt")).isTrue();

        JsonNode page = api.get("/api/runs/" + runId + "/seeds?page=2&size=5").json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(24);
        assertThat(page.path("totalPages").asInt()).isEqualTo(5);
        assertThat(page.path("content")).hasSize(5);
        assertThat(page.path("content").get(0)).isEqualTo(seeds.get(10));
        JsonNode last = api.get("/api/runs/" + runId + "/units?page=4&size=5").json();
        assertThat(last.path("content")).hasSize(4);
        assertThat(last.path("content").get(3)).isEqualTo(units.get(23));

        Api.Response badSize = api.get("/api/runs/" + runId + "/units?size=0");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
        assertThat(api.get("/api/runs/" + runId + "/seeds?page=-1").json().path("errors").get(0).path("field").asString())
                .isEqualTo("page");
    }

    @Test
    void seedsUnitsAndProvenanceComeInTheOneUnitOrderWhateverOrderTheUnitsWereWrittenIn() {
        // Treatments not in name order, and parallel workers, so that neither names nor row ids give the order.
        Map<String, Object> d = Definitions.example(unique("unit-order"),
                Map.of("type", "parallel", "params", Map.of("maxWorkers", 4)), List.of());
        d.put("treatments", List.of(Map.of("name", "zeta", "context", Map.of("delta", 1.0)),
                Map.of("name", "alpha", "context", Map.of("delta", 2.0))));
        d.put("replicates", 8);
        String runId = api.startRun(api.createExperiment(d), null);
        JsonNode run = api.awaitCompleted(runId, Duration.ofSeconds(60));
        List<String> conditions = new ArrayList<>();
        run.path("conditions").forEach(c -> conditions.add(c.asString()));
        assertThat(conditions).containsExactly("baseline", "zeta", "alpha");

        for (String read : List.of("seeds", "units", "provenance")) {
            List<JsonNode> rows = new ArrayList<>();
            api.get("/api/runs/" + runId + "/" + read).json().forEach(rows::add);
            assertThat(rows).as(read).hasSize(24);
            assertThat(rows).as(read).isSortedAccordingTo(UnitOrder.by(conditions,
                    (JsonNode r) -> r.path("replicate").asInt(), r -> r.path("condition").asString()));
            assertThat(rows.subList(0, 3)).as(read).extracting(r -> r.path("condition").asString())
                    .containsExactly("baseline", "zeta", "alpha");
        }
    }

    private Api.BytesResponse postBytes(String path, Object body) {
        return api.postBytes(path, Api.JSON.writeValueAsString(body), GZIP);
    }
}
