package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Value;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile request corpus (fixtures/hostile/corpus.json, written by scripts/hostile/make_corpus.py): every case gets
 * its documented 4xx as problem+json naming the field, stores nothing (no experiment, no run), and leaves the
 * service healthy.
 */
class HostileCorpusTest extends E2eTest {

    /** One request and the answer it must get. */
    record Case(String name, String method, String path, Map<String, String> headers, String body, int status,
                String field) {
    }

    /** The experiment the cases aim at: its id ({experiment} in paths) and name ({target} in bodies). */
    private record Target(String id, String name) {
    }

    /** One experiment per server (the suite runs on two databases), the target of the run-request cases. */
    private static final Map<Integer, Target> TARGETS = new ConcurrentHashMap<>();

    @Value("${crystallize.artifacts.root-dir}")
    Path artifactRoot;

    static Stream<Arguments> corpus() {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/fixtures/hostile/corpus.json")) {
            List<Case> cases = Api.JSON.readValue(in, new TypeReference<List<Case>>() { });
            return cases.stream().map(c -> Arguments.of(c.name(), c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answeredWithAProblemAndNothingStored(String name, Case c) {
        Target target = TARGETS.computeIfAbsent(port, p -> target(unique("hostile-target")));
        String experiment = target.id();
        long experiments = api.experimentCount();
        long runs = runs(experiment);

        String body = c.body() == null ? null : c.body().replace("{target}", target.name())
                .replace("{rootName}", artifactRoot.getFileName().toString()).replace("{root}", artifactRoot.toString());
        Api.Response r = api.request(c.method(), c.path().replace("{experiment}", experiment), body, c.headers());

        assertThat(r.status()).as(name + " → " + r.body()).isEqualTo(c.status());
        assertThat(r.header("Content-Type")).as(name + " → " + r.body()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.path("status").asInt()).as(name).isEqualTo(c.status());
        if (c.field() != null) {
            assertThat(fields(problem)).as(name + " → " + r.body()).contains(c.field());
        }
        assertThat(api.experimentCount()).as(name + ": experiments stored").isEqualTo(experiments);
        assertThat(runs(experiment)).as(name + ": runs started").isEqualTo(runs);
        assertThat(api.isHealthy()).as(name + ": healthy after").isTrue();
    }

    private Target target(String name) {
        return new Target(api.createExperiment(Map.of(
                "name", name,
                "datasource", Map.of("type", "random.normal", "params", Map.of("n", 5)),
                "steps", List.of(Map.of("type", "stats.summary")),
                "treatments", List.of(Map.of("name", "boost", "context", Map.of())),
                "hypotheses", List.of(Map.of("name", "h", "verifier", Map.of("type", "welch_t_test"), "metrics", "mean")))),
                name);
    }

    private long runs(String experiment) {
        return api.get("/api/runs?size=1&experimentId=" + experiment).json().path("totalElements").asLong();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }
}
