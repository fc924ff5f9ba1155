package io.crystallize.server.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** crystallize.plugins.slow-hook-threshold reaches the engine: with 0 ms every hook call is named in the run's log. */
@TestPropertySource(properties = "crystallize.plugins.slow-hook-threshold=0ms")
class SlowHookLogTest extends E2eTest {

    @Test
    void theRunLogNamesSlowHooksWithTheirPluginAndDuration() {
        Map<String, Object> d = Definitions.minimal(unique("slow-hooks"));
        String runId = api.startRun(api.createExperiment(d), null);
        assertThat(api.awaitFinished(runId).get("status").asString()).isEqualTo("COMPLETED");

        String log = api.get("/api/runs/" + runId + "/logs").body();
        assertThat(log).containsPattern("WARN .*Slow hook: beforeRun of plugin ArtifactPlugin took \\d+ ms \\(threshold 0 ms\\)")
                .containsPattern("Slow hook: afterStep of plugin \\w+ took \\d+ ms");
    }
}
