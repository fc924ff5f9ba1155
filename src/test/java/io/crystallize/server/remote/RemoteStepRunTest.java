package io.crystallize.server.remote;

import io.crystallize.server.remote.LoopbackRemote.Answer;
import io.crystallize.server.remote.LoopbackRemote.Call;
import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A remote step registered over HTTP runs in experiments like a built-in: seeded, hooked, its metrics recorded. */
class RemoteStepRunTest extends RemoteE2eTest {

    /** The remote's computation: all randomness from the request's seed, so a unit's answer is a function of it. */
    static Answer seeded(Call call) {
        JsonNode body = call.body();
        double delta = body.path("params").path("delta").asDouble();
        SplittableRandom random = new SplittableRandom(body.path("seed").asLong());
        double noise = random.nextDouble();
        List<Double> out = new ArrayList<>();
        body.path("data").forEach(x -> out.add(x.asDouble() + delta + noise));
        return Answer.ok(Map.of("data", out, "log", List.of("called"), "metrics", Map.of("score", delta + noise,
                "draws", List.of(random.nextDouble(), random.nextDouble()))));
    }

    static double expectedScore(long seed, double delta) {
        return delta + new SplittableRandom(seed).nextDouble();
    }

    @Test
    void twoHundredReplicatesOfTwoConditionsThroughARemoteStep() {
        LoopbackRemote remote = remote(RemoteStepRunTest::seeded);
        String type = register("step", unique("py.noise"), remote.url("/step"),
                List.of(Map.of("name", "delta", "type", "number", "default", 0)), Map.of());
        String experiment = api.createExperiment(definition(unique("remote-run"),
                List.of(Map.of("type", type), Map.of("type", "stats.summary")), 200, serial()));

        String first = api.startRun(experiment, (String) null);
        api.awaitCompleted(first, Duration.ofMinutes(3));
        JsonNode results = api.results(first);
        assertThat(results.path("errors").size()).as(results.path("errors").toString()).isZero();

        // The metrics come from the remote, computed from each unit's seed and its resolved params.
        JsonNode seeds = api.get("/api/runs/" + first + "/seeds").json();
        assertThat(seeds.size()).isEqualTo(400);
        for (JsonNode s : seeds) {
            String condition = s.path("condition").asString();
            double score = results.path("metrics").path(condition).path("score").get(s.path("replicate").asInt()).asDouble();
            assertThat(score).isEqualTo(expectedScore(s.path("seed").asLong(), condition.equals("boost") ? 1.0 : 0.0));
        }
        assertThat(results.path("metrics").path("baseline").path("draws").size()).isEqualTo(400);
        // stats.summary after it saw the remote's output data: three numbers per unit.
        assertThat(results.path("metrics").path("boost").path("n").get(0).asInt()).isEqualTo(3);

        // Every call named its run, unit and step: API.md's body and Idempotency-Key.
        List<Call> calls = remote.calls();
        assertThat(calls).hasSize(400);
        Call call = calls.stream().filter(c -> c.body().path("replicate").asInt() == 7
                && c.body().path("condition").asString().equals("boost")).findFirst().orElseThrow();
        assertThat(call.idempotencyKey()).isEqualTo(first + ":7:boost:0");
        assertThat(call.contentType()).startsWith("application/json");
        JsonNode body = call.body();
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("experiment").path("id").asString()).isEqualTo(experiment);
        assertThat(body.path("experiment").path("name").asString()).startsWith("remote-run-");
        assertThat(body.path("run").path("id").asString()).isEqualTo(first);
        assertThat(body.path("params").path("delta").asDouble()).isEqualTo(1.0);
        assertThat(body.path("context").path("seed_used").asLong()).isEqualTo(body.path("seed").asLong());
        assertThat(body.path("context").path("condition").asString()).isEqualTo("boost");
        assertThat(body.path("data").toString()).isEqualTo("[0,1,2]");

        // The trace shows the service's hooks around each call, unit after unit.
        List<String> lines = Arrays.stream(api.get("/api/runs/" + first + "/logs").body().split("\n"))
                .filter(l -> l.contains("step=" + type) || l.contains("remote " + type + " "))
                .map(l -> l.substring(l.indexOf(" INFO ") + 6)).toList();
        List<String> expected = new ArrayList<>();
        for (int rep = 0; rep < 200; rep++) {
            for (String condition : List.of("baseline", "boost")) {
                String unit = "replicate=" + rep + " condition=" + condition;
                expected.add("hook=beforeStep " + unit + " step=" + type);
                expected.add("remote " + type + " " + unit + ": called");
                expected.add("hook=afterStep " + unit + " step=" + type);
            }
        }
        assertThat(lines).containsExactlyElementsOf(expected);

        // Same seed, same metrics: a second run of the experiment gives them bit for bit.
        String second = api.startRun(experiment, (String) null);
        api.awaitCompleted(second, Duration.ofMinutes(3));
        assertThat(api.results(second).path("metrics")).isEqualTo(results.path("metrics"));
    }

    @Test
    void aRemoteDatasourceAndTheArtifactsOfARemoteStep() {
        LoopbackRemote source = remote(call -> Answer.ok(Map.of("data", List.of(call.body().path("params").path("n").asInt(),
                call.body().path("replicate").asInt()))));
        LoopbackRemote step = remote(call -> Answer.ok(Map.of("data", call.body().path("data"), "artifacts", List.of(
                Map.of("name", "report.txt", "contentType", "text/plain", "base64",
                        Base64.getEncoder().encodeToString(("unit " + call.body().path("replicate")).getBytes()))))));
        String ds = register("datasource", unique("py.source"), source.url("/source"),
                List.of(Map.of("name", "n", "type", "integer")), Map.of());
        String st = register("step", unique("py.report"), step.url("/report"), List.of(), Map.of());

        Map<String, Object> d = definition(unique("remote-ds"), List.of(Map.of("type", st), Map.of("type", "stats.summary")),
                2, serial());
        d.put("datasource", Map.of("type", ds, "params", Map.of("n", 10)));
        String run = api.startRun(api.createExperiment(d), (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(1));

        JsonNode metrics = api.results(run).path("metrics").path("baseline");
        assertThat(metrics.path("sum").toString()).isEqualTo("[10.0,11.0]"); // [10, replicate] summed
        assertThat(source.calls()).extracting(Call::idempotencyKey).contains(run + ":0:baseline:datasource");

        JsonNode artifacts = api.get("/api/runs/" + run + "/artifacts").json();
        assertThat(artifacts.size()).isEqualTo(4);
        JsonNode first = artifacts.get(0);
        assertThat(first.path("name").asString()).isEqualTo("report.txt");
        assertThat(first.path("step").asString()).isEqualTo(st);
        assertThat(first.path("contentType").asString()).isEqualTo("text/plain");
        Api.Response content = api.get(first.path("downloadUrl").asString());
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).startsWith("unit ");
    }
}
