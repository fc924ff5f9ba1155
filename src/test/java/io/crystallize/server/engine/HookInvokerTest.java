package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PValueCorrection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static io.crystallize.server.engine.TestComponents.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every hook goes through one invoker: timed, slow calls named in the run's log, failures naming the plugin. */
class HookInvokerTest {

    /** A clock the test moves: a "slow" hook advances it instead of sleeping. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final RunLog runLog = (level, message) -> log.add(level + " " + message);
    private final ExperimentEngine engine = new ExperimentEngine(PValueCorrection.NONE, Duration.ofMillis(500), nanos::get);

    /** Takes 2 s (on the test's clock) in beforeRun and 700 ms in every afterStep. */
    final class SlowPlugin implements ExperimentPlugin {
        @Override
        public void beforeRun(Experiment e) {
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        }

        @Override
        public void afterStep(Experiment e, StepInvocation step, Object data, FrozenContext ctx) {
            nanos.addAndGet(Duration.ofMillis(700).toNanos());
        }
    }

    @Test
    void aSlowHookIsNamedWithItsPluginAndDuration() {
        engine.run(experiment(TestComponents.recordDraw()).replicates(2).log(runLog)
                .plugins(List.of(new SlowPlugin())).build());

        assertThat(log).contains("WARN Slow hook: beforeRun of plugin SlowPlugin took 2000 ms (threshold 500 ms)");
        assertThat(log).filteredOn(l -> l.startsWith("WARN Slow hook: afterStep of plugin SlowPlugin took 700 ms"))
                .hasSize(2);
        assertThat(log).noneMatch(l -> l.contains("initHook") || l.contains("afterRun") || l.contains("beforeStep"));
    }

    @Test
    void aFastHookIsNotLogged() {
        engine.run(experiment(TestComponents.recordDraw()).log(runLog).plugins(List.of(new ExperimentPlugin() {
        })).build());
        assertThat(log).noneMatch(l -> l.contains("Slow hook"));
    }

    @Test
    void aFailingPerUnitHookFailsTheUnitAndNamesThePlugin() {
        ExperimentPlugin broken = new ExperimentPlugin() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void beforeReplicate(Experiment e, FrozenContext ctx) {
                throw new IllegalStateException("no seed today");
            }
        };
        RunResult result = engine.run(experiment(TestComponents.recordDraw()).plugins(List.of(broken)).build());

        UnitOutcome unit = result.units().get(0);
        assertThat(unit.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(unit.error().type()).isEqualTo("IllegalStateException");
        assertThat(unit.error().message()).isEqualTo("beforeReplicate of plugin broken failed: no seed today");
    }

    @Test
    void aFailingRunLevelHookFailsTheRunAndNamesThePlugin() {
        ExperimentPlugin broken = new ExperimentPlugin() {
            @Override
            public void afterRun(Experiment e, RunResult r) {
                throw new IllegalStateException("disk full");
            }
        };
        assertThatThrownBy(() -> engine.run(experiment(TestComponents.recordDraw()).plugins(List.of(broken)).build()))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("afterRun of plugin " + broken.getClass().getName() + " failed: disk full");
    }
}
