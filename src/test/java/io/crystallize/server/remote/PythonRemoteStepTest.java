package io.crystallize.server.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The example remote step of examples/remote-python, started with python3, runs an experiment: same seed, same metrics. */
class PythonRemoteStepTest extends RemoteE2eTest {

    private static final Path SCRIPT = Path.of("examples", "remote-python", "remote_step.py");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void thePythonExampleIsSeededFromTheRequest(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("python.log");
        Process python = new ProcessBuilder("python3", SCRIPT.toString(), "--port", "0").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            String url = await("python remote listening").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertThat(python.isAlive()).as("python3 exited: " + Files.readString(out)).isTrue();
                        Matcher m = LISTENING.matcher(Files.readString(out));
                        return m.find() ? m.group(1) : null;
                    }, u -> u != null);
            String type = register("step", unique("py.noise"), url, List.of(Map.of("name", "sd", "type", "number",
                    "default", 1, "description", "noise sd")), Map.of());
            Map<String, Object> d = definition(unique("python-remote"), List.of(Map.of("type", type,
                    "params", Map.of("sd", 0.5)), Map.of("type", "stats.summary")), 10, serial());
            String experiment = api.createExperiment(d);

            JsonNode first = runMetrics(experiment);
            JsonNode second = runMetrics(experiment);
            assertThat(second).isEqualTo(first);
            // The remote's own metrics, one per unit, and different units (seeds) got different noise.
            JsonNode noisy = first.path("baseline").path("noisy_mean");
            assertThat(noisy.size()).isEqualTo(10);
            assertThat(noisy.get(0).asDouble()).isNotEqualTo(noisy.get(1).asDouble()).isNotEqualTo(1.0);
            // The baseline and the boost of one replicate share a seed (SPEC §3), so they got the same noise.
            assertThat(first.path("boost").path("noisy_mean").get(0).asDouble() - noisy.get(0).asDouble())
                    .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        } finally {
            python.destroy();
        }
    }

    private JsonNode runMetrics(String experiment) {
        String run = api.startRun(experiment, (String) null);
        api.awaitCompleted(run, Duration.ofMinutes(2));
        JsonNode results = api.results(run);
        assertThat(results.path("errors").size()).as(results.path("errors").toString()).isZero();
        return results.path("metrics");
    }
}
