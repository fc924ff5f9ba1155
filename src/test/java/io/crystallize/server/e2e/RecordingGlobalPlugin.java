package io.crystallize.server.e2e;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.run.GlobalPlugin;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An operator's global plugin (as a webhook notifier would be): it sees the end of every run. */
class RecordingGlobalPlugin implements GlobalPlugin {

    final Map<String, Long> completedUnitsByRun = new ConcurrentHashMap<>();

    @Override
    public void afterRun(Experiment experiment, RunResult result) {
        completedUnitsByRun.put(experiment.runId(), result.count(io.crystallize.server.engine.UnitStatus.COMPLETED));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        RecordingGlobalPlugin recordingGlobalPlugin() {
            return new RecordingGlobalPlugin();
        }
    }
}
