package io.crystallize.server.production;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code Idempotency-Key} on the two submission endpoints, over real HTTP on the suite's database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crystallize.idempotency.ttl=3s")
class IdempotencyTest {

    static final String EXPERIMENT = """
            {"name":"%s","datasource":{"type":"range","params":{"end":5}},"steps":[{"type":"stats.summary"}],
             "replicates":2,"plugins":[{"type":"seed","params":{"seed":1}}]}""";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRetriedExperimentGetsTheFirstResponseAndCreatesNothing() {
        String name = unique("idem");
        String k = UUID.randomUUID().toString();
        Response first = api.post("/api/experiments", EXPERIMENT.formatted(name), key(k));
        // The same JSON in another key order and layout is the same request.
        Response retry = api.post("/api/experiments", "{\"replicates\":2,"
                + EXPERIMENT.formatted(name).replace("\"replicates\":2,", "").substring(1), key(k));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/experiments?name=" + name).json().path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aRetriedRunGetsTheSameRunAndStartsNoOther() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("idem-run")));
        String k = UUID.randomUUID().toString();
        Response first = api.post("/api/experiments/" + experimentId + "/runs", "{\"replicates\":1}", key(k));
        Response retry = api.post("/api/experiments/" + experimentId + "/runs", "{\"replicates\":1}", key(k));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asInt()).isEqualTo(1);

        Response withoutKey = api.post("/api/experiments/" + experimentId + "/runs", "{\"replicates\":1}");
        assertThat(withoutKey.json().path("id")).isNotEqualTo(first.json().path("id"));
    }

    @Test
    void theSameKeyForAnotherBodyOrPathIs422AndChangesNothing() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("idem-422")));
        String k = UUID.randomUUID().toString();
        assertThat(api.post("/api/experiments/" + experimentId + "/runs", "{\"replicates\":1}", key(k)).status()).isEqualTo(202);

        Response otherBody = api.post("/api/experiments/" + experimentId + "/runs", "{\"replicates\":2}", key(k));
        Response otherPath = api.post("/api/experiments", EXPERIMENT.formatted(unique("idem-other")), key(k));

        for (Response r : List.of(otherBody, otherPath)) {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).contains("Idempotency-Key");
        }
        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aRejectedRequestKeepsNoKeySoTheCorrectedRetryCanUseIt() {
        String k = UUID.randomUUID().toString();
        String name = unique("idem-fix");
        Response invalid = api.post("/api/experiments", EXPERIMENT.formatted(name).replace("\"replicates\":2", "\"replicates\":0"), key(k));
        Response fixed = api.post("/api/experiments", EXPERIMENT.formatted(name), key(k));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(fixed.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void aKeyExpiresAfterTheConfiguredTtl() {
        String experimentId = api.createExperiment(EXPERIMENT.formatted(unique("idem-ttl")));
        String k = UUID.randomUUID().toString();
        String first = api.post("/api/experiments/" + experimentId + "/runs", null, key(k)).json().path("id").asString();

        await("key expired").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                !api.post("/api/experiments/" + experimentId + "/runs", null, key(k)).json().path("id").asString().equals(first));
        assertThat(api.get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asInt()).isEqualTo(2);
    }

    @Test
    void aBlankOrOverlongKeyIs400() {
        assertThat(api.post("/api/experiments", EXPERIMENT.formatted(unique("idem-blank")), key(" ")).status()).isEqualTo(400);
        assertThat(api.post("/api/experiments", EXPERIMENT.formatted(unique("idem-long")), key("k".repeat(256))).status())
                .isEqualTo(400);
    }

    @Test
    void concurrentDuplicatesCreateOneExperiment() throws Exception {
        String name = unique("idem-race");
        String k = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = IntStream.range(0, 8)
                    .<Callable<Response>>mapToObj(i -> () -> api.post("/api/experiments", EXPERIMENT.formatted(name), key(k)))
                    .toList();
            List<Response> responses = pool.invokeAll(calls).stream().map(IdempotencyTest::get).toList();

            List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(r -> r.header("Location")).containsOnly(created.get(0).header("Location"));
            // A duplicate that found the first one still uncommitted is told to retry; nothing else is allowed.
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
            responses.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.header("Retry-After")).isEqualTo("1"));
            assertThat(api.get("/api/experiments?name=" + name).json().path("totalElements").asInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response get(Future<Response> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
