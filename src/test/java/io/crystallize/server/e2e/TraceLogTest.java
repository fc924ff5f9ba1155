package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With the trace plugin, the run log shows the hook order of SPEC §2 line for line. */
class TraceLogTest extends E2eTest {

    @Autowired
    RecordingGlobalPlugin globalPlugin;

    @Test
    void theRunLogShowsEveryHookCallInOrder() {
        Map<String, Object> d = Definitions.minimal(unique("trace"));
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 7)), Map.of("type", "trace"),
                Map.of("type", "serial")));
        String runId = api.startRun(api.createExperiment(d), null);
        assertThat(api.awaitFinished(runId).get("status").asString()).isEqualTo("COMPLETED");

        Api.Response logs = api.get("/api/runs/" + runId + "/logs");
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.header("Content-Type")).startsWith("text/plain");
        List<String> hooks = Arrays.stream(logs.body().split("\n")).filter(l -> l.contains(" INFO hook="))
                .map(l -> l.substring(l.indexOf("hook="))).toList();

        List<String> expected = new ArrayList<>(List.of("hook=initHook", "hook=beforeRun"));
        for (int rep = 0; rep < 2; rep++) {
            for (String condition : List.of("baseline", "t")) {
                String unit = "replicate=" + rep + " condition=" + condition;
                expected.add("hook=beforeReplicate " + unit);
                for (String step : List.of("math.add", "stats.summary")) {
                    expected.add("hook=beforeStep " + unit + " step=" + step);
                    expected.add("hook=afterStep " + unit + " step=" + step);
                }
            }
        }
        expected.add("hook=afterRun");
        assertThat(hooks).containsExactlyElementsOf(expected);
        assertThat(globalPlugin.completedUnitsByRun).containsEntry(runId, 4L);
        assertThat(logs.body()).contains("Experiment: 2 replicates, 1 treatments, 0 hypotheses (seed=7)")
                .containsPattern("Completed in \\d+\\.\\ds; 0 errors");
    }
}
