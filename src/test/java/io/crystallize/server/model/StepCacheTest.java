package io.crystallize.server.model;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code "cache": true} (SPEC §7) and provenance over HTTP: a second run serves the cached step from the cache for
 * every unit, its metrics equal the first run's and an uncached run's bit for bit (the generator draws of the
 * cached step are replayed, so a later random step sees the same stream), hooks still fire, the log names the
 * step, and {@code GET /api/runs/{id}/provenance} tells keys read and written, metrics and hits per step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StepCacheTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"random.normal","params":{"n":15}},
             "steps":[{"type":"noise.gaussian","params":{"sd":2}%s},{"type":"noise.gaussian"},{"type":"math.add"},
                      {"type":"stats.summary"}],
             "treatments":[{"name":"boost","context":{"delta":2.5}}],"replicates":3,
             "plugins":[{"type":"seed","params":{"seed":99}},{"type":"trace"}]}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSecondRunIsServedFromTheCacheWithIdenticalMetricsAndItsHooksStillFire() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(name("cache"), ",\"cache\":true"));
        String first = api.startRun(experimentId, null);
        JsonNode firstRun = api.awaitCompleted(first, Duration.ofSeconds(60));
        String second = api.startRun(experimentId, null);
        JsonNode secondRun = api.awaitCompleted(second, Duration.ofSeconds(60));
        String plainId = api.createExperiment(EXPERIMENT.formatted(name("nocache"), ""));
        String plain = api.startRun(plainId, null);
        api.awaitCompleted(plain, Duration.ofSeconds(60));

        assertThat(firstRun.path("cacheHits").asLong()).isZero();
        assertThat(secondRun.path("cacheHits").asLong()).as("one hit per unit").isEqualTo(6);
        assertThat(api.results(second).path("metrics")).isEqualTo(api.results(first).path("metrics"))
                .isEqualTo(api.results(plain).path("metrics"));

        String log = api.get("/api/runs/" + second + "/logs").body();
        assertThat(lines(log, "Cache hit: step 'noise.gaussian' (steps[0])")).isEqualTo(6);
        assertThat(lines(log, "hook=beforeStep") ).isEqualTo(24);
        assertThat(lines(log, "hook=afterStep")).isEqualTo(24);
        assertThat(lines(log, "hook=beforeStep replicate=0 condition=baseline step=noise.gaussian")).isEqualTo(2);

        JsonNode provenance = api.get("/api/runs/" + second + "/provenance").json();
        assertThat(provenance).hasSize(6);
        JsonNode boost = provenance.get(1);
        assertThat(boost.path("replicate").asInt()).isZero();
        assertThat(boost.path("condition").asString()).isEqualTo("boost");
        assertThat(boost.path("cacheHits").asInt()).isEqualTo(1);
        JsonNode steps = boost.path("steps");
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).path("cacheHit").asBoolean()).isTrue();
        assertThat(steps.get(1).path("cacheHit").asBoolean()).isFalse();
        assertThat(steps.get(2).path("type").asString()).isEqualTo("math.add");
        assertThat(steps.get(2).path("read").valueStream().map(JsonNode::asString).toList()).contains("delta");
        assertThat(steps.get(3).path("metrics").valueStream().map(JsonNode::asString).toList())
                .containsExactly("mean", "sum", "sd", "min", "max", "n");
        assertThat(steps.get(3).path("written")).isEmpty();
        assertThat(api.get("/api/runs/" + first + "/provenance").json().get(0).path("steps").get(0)
                .path("cacheHit").asBoolean()).isFalse();
    }

    @Test
    void cacheOnAComponentThatIsNotAStepIs400() {
        Api.Response r = api.post("/api/experiments", EXPERIMENT.formatted(name("badcache"), "")
                .replace("\"params\":{\"n\":15}}", "\"params\":{\"n\":15},\"cache\":true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("datasource.cache");
    }

    private static long lines(String log, String part) {
        return Arrays.stream(log.split("\n")).filter(l -> l.contains(part)).count();
    }
}
