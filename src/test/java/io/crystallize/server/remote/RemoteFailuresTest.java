package io.crystallize.server.remote;

import io.crystallize.server.remote.LoopbackRemote.Answer;
import io.crystallize.server.remote.LoopbackRemote.Call;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing remote fails only its unit, with an error a user can act on; connection failures and 5xx are retried. */
class RemoteFailuresTest extends RemoteE2eTest {

    private static final Answer OK = Answer.ok(Map.of("data", List.of(1, 2), "metrics", Map.of("m", 1)));

    /** Runs a one-step experiment on the remote (replicates × baseline and boost) and returns its results. */
    private JsonNode run(String type, int replicates) {
        String run = api.startRun(api.createExperiment(definition(unique("remote-fail"), List.of(Map.of("type", type)),
                replicates, serial())), (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(2));
        return api.results(run);
    }

    @Test
    void aRemoteAnswering500OnceThen200CompletesAfterOneRetryWithTheSameKey() {
        AtomicInteger calls = new AtomicInteger();
        LoopbackRemote remote = remote(call -> calls.getAndIncrement() == 0
                ? LoopbackRemote.problem(500, "Internal Server Error", "warming up") : OK);
        String type = register("step", unique("flaky"), remote.url("/flaky"), List.of(), Map.of("retries", 2));
        Map<String, Object> d = definition(unique("remote-retry"), List.of(Map.of("type", type)), 1, serial());
        d.remove("treatments");
        String run = api.startRun(api.createExperiment(d), (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(1));

        assertThat(api.results(run).path("errors").size()).isZero();
        assertThat(api.results(run).path("metrics").path("baseline").path("m").toString()).isEqualTo("[1]");
        assertThat(remote.calls()).extracting(Call::idempotencyKey).containsExactly(run + ":0:baseline:0", run + ":0:baseline:0");
        assertThat(api.get("/api/runs/" + run + "/logs").body()).contains("answered 500: Internal Server Error: warming up; "
                + "retrying (Idempotency-Key " + run + ":0:baseline:0)");
    }

    @Test
    void aRemoteThatAlwaysTimesOutFailsThatUnitAfterOneTimeoutAndTheOthersComplete() {
        LoopbackRemote remote = remote(call -> call.body().path("replicate").asInt() == 1
                && call.body().path("condition").asString().equals("baseline") ? Answer.hang() : OK);
        String type = register("step", unique("slow"), remote.url("/slow"), List.of(),
                Map.of("timeout", "PT5S", "retries", 2));
        JsonNode results = run(type, 3);

        JsonNode error = results.path("errors").path("baseline_rep_1");
        assertThat(error.path("type").asString()).isEqualTo("RemoteCallException");
        assertThat(error.path("message").asString()).contains("Remote step '" + type + "' (" + remote.url("/slow") + ")",
                "did not answer within its timeout of PT5S");
        assertThat(results.path("errors").size()).as(results.path("errors").toString()).isEqualTo(1);
        assertThat(results.path("skipped").toString()).contains("boost_rep_1");
        assertThat(results.path("metrics").path("baseline").path("m").toString()).isEqualTo("[1,1]");
        assertThat(results.path("metrics").path("boost").path("m").toString()).isEqualTo("[1,1]");
        // A timeout is not retried: the hanging unit cost one call and one timeout.
        assertThat(remote.calls().stream().filter(c -> c.idempotencyKey().endsWith(":1:baseline:0"))).hasSize(1);
    }

    @Test
    void aNon2xxAnswerNamesTheComponentUrlStatusAndTheRemotesProblemDetailAndIsNotRetried() {
        LoopbackRemote remote = remote(call -> call.body().path("condition").asString().equals("boost")
                ? LoopbackRemote.problem(422, "Unprocessable Entity", "delta must be below 0.5") : OK);
        String type = register("step", unique("picky"), remote.url("/picky"), List.of(), Map.of());
        JsonNode results = run(type, 2);

        JsonNode error = results.path("errors").path("boost_rep_0");
        assertThat(error.path("type").asString()).isEqualTo("RemoteCallException");
        assertThat(error.path("message").asString()).isEqualTo("Step '" + type + "' failed: Remote step '" + type + "' ("
                + remote.url("/picky") + ") answered 422: Unprocessable Entity: delta must be below 0.5");
        assertThat(results.path("errors").size()).isEqualTo(2);
        assertThat(results.path("metrics").path("baseline").path("m").toString()).isEqualTo("[1,1]");
        assertThat(remote.calls()).hasSize(4);
    }

    @Test
    void fiveHundredsAreRetriedUpToRetriesThenTheUnitFails() {
        LoopbackRemote remote = remote(call -> new Answer(503, "text/plain", "overloaded", 0));
        String type = register("step", unique("down"), remote.url("/down"), List.of(), Map.of("retries", 2));
        Map<String, Object> d = definition(unique("remote-503"), List.of(Map.of("type", type)), 1, serial());
        d.remove("treatments");
        String run = api.startRun(api.createExperiment(d), (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(1));

        assertThat(api.results(run).path("errors").path("baseline_rep_0").path("message").asString())
                .endsWith("answered 503 (attempt 3): overloaded");
        assertThat(remote.calls()).extracting(Call::idempotencyKey).containsOnly(run + ":0:baseline:0").hasSize(3);
    }

    @Test
    void aRefusedConnectionIsRetriedThenTheUnitFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String type = register("step", unique("gone"), "http://127.0.0.1:" + closedPort + "/gone", List.of(),
                Map.of("retries", 1));
        JsonNode error = run(type, 1).path("errors").path("baseline_rep_0");
        assertThat(error.path("type").asString()).isEqualTo("RemoteCallException");
        assertThat(error.path("message").asString()).contains("could not be reached (attempt 2)", "ConnectException");
    }

    @Test
    void aMalformedOrTooLargeAnswerIsThatUnitsError() {
        LoopbackRemote remote = remote(call -> switch (call.body().path("replicate").asInt()) {
            case 0 -> Answer.ok(Map.of("data", 1, "metrics", Map.of("good", 1, "bad", "high")));
            case 1 -> Answer.ok(Map.of("data", "x".repeat(70 * 1024)));
            default -> OK;
        });
        String type = register("step", unique("odd"), remote.url("/odd"), List.of(), Map.of("retries", 0));
        Map<String, Object> d = definition(unique("remote-odd"), List.of(Map.of("type", type)), 3, serial());
        d.remove("treatments");
        String run = api.startRun(api.createExperiment(d), (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(1));

        JsonNode results = api.results(run);
        assertThat(results.path("errors").path("baseline_rep_0").path("message").asString())
                .contains("answered 200 with a malformed body: metrics.bad must be a number or a list of numbers");
        assertThat(results.path("errors").path("baseline_rep_1").path("message").asString())
                .contains("answered more than 65536 bytes (crystallize.remote.max-response-size is 65536B)");
        assertThat(results.path("metrics").path("baseline").path("m").toString()).isEqualTo("[1]");
        assertThat(remote.calls()).hasSize(3);
    }
}
