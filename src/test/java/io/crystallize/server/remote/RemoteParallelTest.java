package io.crystallize.server.remote;

import io.crystallize.server.remote.LoopbackRemote.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * I/O-bound units: a remote that takes 50 ms per call, 400 units, {@code parallel(maxWorkers=32)}. Prints the run's
 * time against the ideal 400 × 50 ms / 32 (no timed assertion: the machine's load is not ours to control); asserts
 * that many calls really were in flight at once, far more than the cores.
 */
class RemoteParallelTest extends RemoteE2eTest {

    @Test
    void manyRemoteCallsInFlight() {
        LoopbackRemote remote = remote(call -> Answer.ok(Map.of("data", call.body().path("data"),
                "metrics", Map.of("m", call.body().path("replicate").asInt()))).after(50));
        String type = register("step", unique("py.slow"), remote.url("/slow"), List.of(),
                Map.of("maxConcurrency", 32));
        // The baseline of the same command: the same 400 units with the built-in 50 ms sleep step instead.
        long sleepMs = runMillis(Map.of("type", "sleep", "params", Map.of("ms", 50)));
        long remoteMs = runMillis(Map.of("type", type));

        assertThat(remote.calls()).hasSize(400);
        double ideal = 400 * 50 / 32.0;
        System.out.printf("remote parallel: 400 units x 50 ms, maxWorkers=32, Java %d, %s threads, %d cores: remote "
                        + "step %d ms = %.2fx the ideal %.0f ms and %.2fx the built-in sleep step (%d ms); peak %d calls "
                        + "in flight%n", Runtime.version().feature(),
                Runtime.version().feature() >= 21 ? "virtual" : "platform", Runtime.getRuntime().availableProcessors(),
                remoteMs, remoteMs / ideal, ideal, (double) remoteMs / sleepMs, sleepMs, remote.peakInFlight());
        assertThat(remote.peakInFlight()).isGreaterThanOrEqualTo(16);
        assertThat(remote.peakInFlight()).isLessThanOrEqualTo(32);
    }

    /** Runs 200 replicates × 2 conditions of {@code step} with parallel(maxWorkers=32); the run's own duration. */
    private long runMillis(Map<String, Object> step) {
        Map<String, Object> d = definition(unique("remote-parallel"), List.of(step), 200, Map.of());
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 42)),
                Map.of("type", "parallel", "params", Map.of("maxWorkers", 32))));
        String run = api.startRun(api.createExperiment(d), (String) null);
        JsonNode view = api.awaitCompleted(run, Duration.ofMinutes(3));
        assertThat(view.path("progress").path("completedUnits").asInt()).isEqualTo(400);
        return Duration.between(Instant.parse(view.path("startedAt").asString()),
                Instant.parse(view.path("finishedAt").asString())).toMillis();
    }
}
