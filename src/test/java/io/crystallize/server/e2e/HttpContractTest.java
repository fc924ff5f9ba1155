package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import io.crystallize.server.problem.ProblemType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Problem types that resolve to their pages, the run request validated like a definition, JSON-only bodies. */
class HttpContractTest extends E2eTest {

    @Test
    void everyProblemTypeResolvesToAPageThatDocsProblemsListsToo() throws IOException {
        String listed = Files.readString(Path.of("docs/problems.md"));
        for (ProblemType t : ProblemType.values()) {
            Api.Response page = api.get(t.uri().toString());
            assertThat(page.status()).as(t.uri().toString()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains(t.title(), String.valueOf(t.status()));
            assertThat(listed).contains("| " + t.status() + " | `" + t.uri() + "` | **" + t.title() + ".**");
        }
        assertThat(api.get("/problems").body()).contains("/problems/validation", "/problems/conflict");
        Api.Response unknown = api.get("/problems/no-such-type");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void aProblemsTypeIsThePageOfItsStatus() {
        JsonNode notFound = api.get("/api/runs/00000000-0000-0000-0000-000000000000").json();
        assertThat(notFound.get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(api.get(notFound.get("type").asString()).status()).isEqualTo(200);
        JsonNode invalid = api.post("/api/experiments", Map.of("name", "x")).json();
        assertThat(invalid.get("type").asString()).isEqualTo("/problems/validation");
        assertThat(invalid.get("errors").isArray()).isTrue();
    }

    @Test
    void aRunRequestIsValidatedLikeTheDefinitionAndARejectedOneStartsNothing() {
        String experimentId = api.createExperiment(Definitions.minimal(unique("run-request")));
        String runs = "/api/experiments/" + experimentId + "/runs";

        assertField(api.post(runs, Map.of("replicates", 0)), "replicates", "between 1 and");
        assertField(api.post(runs, Map.of("replicates", -3)), "replicates", "between 1 and");
        assertField(api.post(runs, Map.of("treatments", java.util.List.of("t", "nope"))), "treatments[1]", "unknown treatment 'nope'");
        assertField(api.post(runs, Map.of("strategy", "fast")), "strategy", "'rerun' or 'resume'");
        assertField(api.post(runs, "{\"replicates\": 2, \"colour\": 1}"), "colour", "unknown field");
        assertField(api.post(runs, "{\"replicates\": \"many\"}"), "replicates", "must be an integer");

        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().get("totalElements").asInt()).isZero();
        assertThat(api.post(runs, Map.of("replicates", 1, "strategy", "rerun")).status()).isEqualTo(202);
    }

    @Test
    void requestBodiesAreJsonOnlyAndYamlIsUnsupported() {
        String yaml = "name: yaml-experiment\ndatasource:\n  type: range\n  params: {end: 3}\nsteps:\n  - type: math.add\n";
        Api.Response experiment = api.post("/api/experiments", yaml, "application/yaml");
        assertThat(experiment.status()).isEqualTo(415);
        assertThat(experiment.header("Content-Type")).startsWith("application/problem+json");
        assertThat(experiment.json().get("type").asString()).isEqualTo("/problems/unsupported-media-type");
        assertThat(api.get("/api/experiments?name=yaml-experiment").json().get("totalElements").asInt()).isZero();

        String experimentId = api.createExperiment(Definitions.minimal(unique("json-only")));
        assertThat(api.post("/api/experiments/" + experimentId + "/runs", "replicates: 1", "application/yaml").status())
                .isEqualTo(415);
        assertThat(api.post("/api/experiments/" + experimentId + "/runs", "replicates=1",
                "application/x-www-form-urlencoded").status()).isEqualTo(415);
        assertThat(api.post("/api/experiments/" + experimentId + "/runs", (String) null).status())
                .as("no body at all is still a run with the experiment's settings").isEqualTo(202);
    }

    private static void assertField(Api.Response r, String field, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
    }
}
