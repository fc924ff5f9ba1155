package io.crystallize.server.engine;

import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.ExecutionStrategy;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.LoopOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

import static io.crystallize.server.engine.TestComponents.experiment;
import static io.crystallize.server.engine.TestComponents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    /** Records every hook call as a line, with the seed visible at beforeReplicate. */
    static final class Recorder implements ExperimentPlugin {
        final String name;
        final List<String> calls;

        Recorder(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public void initHook(Experiment e) {
            calls.add(name + ":initHook");
        }

        @Override
        public void beforeRun(Experiment e) {
            calls.add(name + ":beforeRun");
        }

        @Override
        public void beforeReplicate(Experiment e, FrozenContext ctx) {
            calls.add(name + ":beforeReplicate(" + ctx.replicate() + "," + ctx.condition() + ",seed="
                    + ctx.get(ContextKeys.SEED_USED_KEY).orElse(null) + ")");
        }

        @Override
        public void beforeStep(Experiment e, StepInvocation step, FrozenContext ctx) {
            calls.add(name + ":beforeStep(" + step.type() + ")");
        }

        @Override
        public void afterStep(Experiment e, StepInvocation step, Object data, FrozenContext ctx) {
            calls.add(name + ":afterStep(" + step.type() + ")");
        }

        @Override
        public void afterRun(Experiment e, RunResult result) {
            calls.add(name + ":afterRun");
        }
    }

    @Test
    void hooksRunInTheOrderOfTheSpec() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        var s1 = step("s1", List.of(), (d, ctx, p) -> {
            calls.add("s1");
            return d;
        });
        var s2 = step("s2", List.of(), (d, ctx, p) -> {
            calls.add("s2");
            return d;
        });
        Experiment exp = experiment(s1, s2).replicates(2)
                .treatments(List.of(new Treatment("t1", java.util.Map.of())))
                .plugins(List.of(new Recorder("P1", calls), new SeedPlugin(1L, true), new Recorder("P2", calls)))
                .build();

        new ExperimentEngine().run(exp);

        List<String> expected = new ArrayList<>(List.of("P1:initHook", "P2:initHook", "P1:beforeRun", "P2:beforeRun"));
        for (int rep = 0; rep < 2; rep++) {
            long seed = 1 + rep * 31337L;
            for (String condition : List.of("baseline", "t1")) {
                expected.add("P1:beforeReplicate(" + rep + "," + condition + ",seed=null)");
                expected.add("P2:beforeReplicate(" + rep + "," + condition + ",seed=" + seed + ")");
                for (String s : List.of("s1", "s2")) {
                    expected.addAll(List.of("P1:beforeStep(" + s + ")", "P2:beforeStep(" + s + ")", s,
                            "P1:afterStep(" + s + ")", "P2:afterStep(" + s + ")"));
                }
            }
        }
        expected.addAll(List.of("P1:afterRun", "P2:afterRun"));
        assertThat(calls).containsExactlyElementsOf(expected);
    }

    @Test
    void theLastPluginThatProvidesALoopRunsItAndDecliningFallsBack() {
        List<String> used = new ArrayList<>();
        ExperimentPlugin first = loop("first", used);
        ExperimentPlugin declining = new ExecutionStrategy() {
            @Override
            public LoopOutcome runExperimentLoop(Experiment e, IntFunction<ReplicateResult> fn) {
                used.add("declined");
                return LoopOutcome.declined();
            }
        };
        Experiment exp = experiment(TestComponents.recordDraw()).replicates(2)
                .plugins(List.of(loop("early", used), first, declining)).build();

        RunResult result = new ExperimentEngine().run(exp);

        assertThat(used).containsExactly("declined", "first");
        assertThat(result.units()).hasSize(2);
    }

    @Test
    void withoutALoopPluginUnitsRunSerially() {
        Experiment exp = experiment(TestComponents.recordDraw()).replicates(3).build();
        assertThat(new ExperimentEngine().run(exp).units()).extracting(UnitOutcome::replicate).containsExactly(0, 1, 2);
    }

    @Test
    void aFailingBeforeRunFailsTheRun() {
        ExperimentPlugin broken = new ExperimentPlugin() {
            @Override
            public void beforeRun(Experiment e) {
                throw new IllegalStateException("no disk");
            }
        };
        Experiment exp = experiment(TestComponents.recordDraw()).plugins(List.of(broken)).build();
        assertThatThrownBy(() -> new ExperimentEngine().run(exp)).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("beforeRun").hasMessageContaining("no disk");
    }

    private static ExperimentPlugin loop(String name, List<String> used) {
        return new ExecutionStrategy() {
            @Override
            public LoopOutcome runExperimentLoop(Experiment e, IntFunction<ReplicateResult> fn) {
                used.add(name);
                return LoopOutcome.completed(ExperimentEngine.serial(e.replicates(), fn));
            }
        };
    }
}
