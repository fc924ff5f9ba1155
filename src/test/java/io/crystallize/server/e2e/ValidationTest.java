package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 400 rule of API.md: a problem+json naming the field, and nothing stored. */
class ValidationTest extends E2eTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> d, String key) {
        return (List<Map<String, Object>>) d.get(key);
    }

    private static Arguments rule(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                rule("datasource.type", d -> d.put("datasource", Map.of("type", "nope"))),
                rule("steps[1].type", d -> list(d, "steps").get(1).put("type", "math.nope")),
                rule("steps[0].params.delta", d -> list(d, "steps").get(0).put("params", Map.of("delta", "ten"))),
                rule("steps[0].params.bogus", d -> list(d, "steps").get(0).put("params", Map.of("bogus", 1))),
                rule("steps[1].params.key", d -> list(d, "steps").add(1, new LinkedHashMap<>(Map.of("type", "metric.context")))),
                rule("datasource.params.end", d -> d.put("datasource", Map.of("type", "range"))),
                rule("steps", d -> d.put("steps", List.of())),
                rule("treatments[1].name", d -> list(d, "treatments").add(Map.of("name", "t", "context", Map.of()))),
                rule("treatments[0].context.dataset", d -> {
                    d.put("initialContext", Map.of("dataset", "x"));
                    list(d, "treatments").set(0, Map.of("name", "t", "context", Map.of("dataset", "y")));
                }),
                rule("treatments[0].context.seed_used", d -> list(d, "treatments").set(0,
                        Map.of("name", "t", "context", Map.of("seed_used", 1)))),
                rule("treatments[0].context.delta", d -> list(d, "treatments").set(0,
                        Map.of("name", "t", "context", Map.of("delta", "much")))),
                rule("initialContext.replicate", d -> d.put("initialContext", Map.of("replicate", 3))),
                rule("replicates", d -> d.put("replicates", 0)),
                rule("replicates", d -> d.put("replicates", 1_000_000)),
                rule("hypotheses", d -> {
                    d.put("treatments", List.of());
                    d.put("hypotheses", List.of(hypothesis("welch_t_test", "mean")));
                }),
                rule("hypotheses[0].verifier.type", d -> d.put("hypotheses", List.of(hypothesis("nope", "mean")))),
                rule("hypotheses[0].metrics", d -> d.put("hypotheses", List.of(hypothesis("t_test", List.of())))),
                rule("hypotheses[0].metrics", d -> d.put("hypotheses", List.of(hypothesis("t_test", List.of("mean", "sd"))))),
                rule("name", d -> d.put("name", "../escape")),
                rule("name", d -> d.put("name", "a/b")),
                rule("name", d -> d.put("name", "")),
                rule("plugins[1].type", d -> d.put("plugins", List.of(Map.of("type", "seed"), Map.of("type", "warp")))),
                rule("plugins[0].params.seed", d -> d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", -1))))),
                rule("plugins[0].params.maxWorkers", d -> d.put("plugins", List.of(Map.of("type", "parallel",
                        "params", Map.of("maxWorkers", 0))))),
                rule("colour", d -> d.put("colour", "blue")),
                rule("plugins[0].params.rootDir", d -> d.put("plugins", List.of(Map.of("type", "artifacts",
                        "params", Map.of("rootDir", "/etc/crystallize"))))),
                rule("replicates", d -> d.put("replicates", "many")));
    }

    private static Map<String, Object> hypothesis(String verifier, Object metrics) {
        return Map.of("name", "h", "verifier", Map.of("type", verifier), "metrics", metrics);
    }

    private long storedExperiments() {
        return api.get("/api/experiments?size=1").json().get("totalElements").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void anInvalidDefinitionIsA400NamingTheFieldAndStoresNothing(String field, Consumer<Map<String, Object>> change) {
        long before = storedExperiments();
        Map<String, Object> d = Definitions.minimal(unique("invalid"));
        change.accept(d);

        Api.Response r = api.post("/api/experiments", d);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(r.body()).contains(field);
        r.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(storedExperiments()).isEqualTo(before);
    }

    @Test
    void aSecondExperimentWithTheSameNameIsAConflict() {
        String name = unique("twice");
        api.createExperiment(Definitions.minimal(name));
        Api.Response r = api.post("/api/experiments", Definitions.minimal(name));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/experiments?name=" + name).json().get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheRequestSizeLimitIsA413AndStoresNothing() {
        long before = storedExperiments();
        Map<String, Object> d = Definitions.minimal(unique("huge"));
        d.put("description", "x".repeat(1_100_000));
        Api.Response r = api.post("/api/experiments", d);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("max-request-size");
        assertThat(storedExperiments()).isEqualTo(before);
    }

    @Test
    void unreadableJsonIsA400() {
        Api.Response r = api.post("/api/experiments", "{not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aValidDefinitionIsStoredWithItsFingerprint() {
        Map<String, Object> d = Definitions.minimal(unique("valid"));
        Api.Response created = api.post("/api/experiments", d);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/experiments/" + id);
        JsonNode stored = api.get("/api/experiments/" + id).json();
        assertThat(stored.get("fingerprint").asString()).hasSize(64).isEqualTo(created.json().get("fingerprint").asString());
        assertThat(stored.get("createdAt").asString()).isNotBlank();
        assertThat(stored.get("steps").get(0).get("type").asString()).isEqualTo("math.add");
        assertThat(api.get("/api/experiments/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.get("/api/experiments/not-a-uuid").status()).isEqualTo(400);
    }
}
