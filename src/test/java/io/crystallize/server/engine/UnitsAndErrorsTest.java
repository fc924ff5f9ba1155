package io.crystallize.server.engine;

import io.crystallize.server.engine.plugins.SeedPlugin;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.engine.TestComponents.experiment;
import static io.crystallize.server.engine.TestComponents.step;
import static org.assertj.core.api.Assertions.assertThat;

class UnitsAndErrorsTest {

    /** Fails when (condition, replicate) is in the context key {@code failAt} ("cond:rep" strings). */
    private static final io.crystallize.server.engine.spi.Step FAIL_AT = step("failAt", List.of(), (d, ctx, p) -> {
        List<?> at = (List<?>) ctx.get("failAt").orElse(List.of());
        if (at.contains(ctx.condition() + ":" + ctx.replicate())) {
            throw new IllegalStateException("boom at " + ctx.condition() + ":" + ctx.replicate());
        }
        return d;
    });

    @Test
    void aFailedBaselineSkipsItsReplicatesTreatmentsAndOtherFailuresStayLocal() {
        Experiment exp = experiment(FAIL_AT, TestComponents.recordDraw()).replicates(4)
                .initialContext(Map.of("failAt", List.of("baseline:1", "bad:2", "baseline:3")))
                .treatments(List.of(new Treatment("ok", Map.of()), new Treatment("bad", Map.of())))
                .plugins(List.of(new SeedPlugin(42L, true))).build();

        RunResult result = new ExperimentEngine().run(exp);

        assertThat(result.errors()).containsOnlyKeys("baseline_rep_1", "bad_rep_2", "baseline_rep_3");
        UnitOutcome error = result.errors().get("bad_rep_2");
        assertThat(error.error().type()).isEqualTo("IllegalStateException");
        assertThat(error.error().message()).isEqualTo("Step 'failAt' failed: boom at bad:2");
        assertThat(error.error().stackTrace()).contains("IllegalStateException");
        assertThat(result.units()).filteredOn(u -> u.status() == UnitStatus.SKIPPED).extracting(UnitOutcome::key)
                .containsExactly("ok_rep_1", "bad_rep_1", "ok_rep_3", "bad_rep_3");
        assertThat(result.metrics().get("baseline").get("value")).hasSize(2);
        assertThat(result.metrics().get("ok").get("value")).hasSize(2);
        assertThat(result.metrics().get("bad").get("value")).hasSize(1);
    }

    @Test
    void aTreatmentNamedBaselineReplacesTheBaselinesAdditions() {
        Experiment exp = experiment(TestComponents.recordDraw())
                .treatments(List.of(new Treatment("baseline", Map.of("increment", 2)),
                        new Treatment("t", Map.of("increment", 5))))
                .build();
        RunResult result = new ExperimentEngine().run(exp);
        assertThat(exp.conditions()).containsExactly("baseline", "t");
        assertThat(result.metrics().get("baseline").get("value")).containsExactly(2.0);
        assertThat(result.metrics().get("t").get("value")).containsExactly(5.0);
    }

    @Test
    void paramsResolveFromExplicitThenContextThenDefault() {
        ParamSpec spec = ParamSpec.optional("delta", "number", 1, "");
        FrozenContext ctx = new FrozenContext(Map.of("delta", 5), RunLog.NONE);
        assertThat(ParamResolver.resolve("s", List.of(spec), Map.of("delta", 9), ctx).getDouble("delta")).isEqualTo(9);
        assertThat(ParamResolver.resolve("s", List.of(spec), Map.of(), ctx).getDouble("delta")).isEqualTo(5);
        assertThat(ParamResolver.resolve("s", List.of(spec), Map.of(), new FrozenContext(Map.of(), RunLog.NONE))
                .getDouble("delta")).isEqualTo(1);
    }

    @Test
    void contextKeysCanBeAddedButNeverChanged() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        FrozenContext ctx = new FrozenContext(Map.of("cfg", nested), RunLog.NONE);
        nested.put("a", 2);
        assertThat(ctx.get("cfg")).contains(Map.of("a", 1));
        ctx.add("x", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.add("x", 1))
                .isInstanceOf(ContextMutationException.class).hasMessageContaining("'x'");
    }

    @Test
    void aTreatmentKeyThatClashesWithTheInitialContextIsThatUnitsError() {
        Experiment exp = experiment(TestComponents.recordDraw()).initialContext(Map.of("k", 1))
                .treatments(List.of(new Treatment("t", Map.of("k", 2)))).build();
        RunResult result = new ExperimentEngine().run(exp);
        assertThat(result.errors()).containsOnlyKeys("t_rep_0");
        assertThat(result.errors().get("t_rep_0").error().type()).isEqualTo("ContextMutationException");
    }

    @Test
    void cancellationStopsUnitsThatHaveNotStarted() {
        CancellationToken token = new CancellationToken();
        var cancelAfterFirst = step("cancel", List.of(), (d, ctx, p) -> {
            token.cancel();
            return d;
        });
        List<UnitOutcome> stored = new java.util.ArrayList<>();
        Experiment exp = experiment(cancelAfterFirst, TestComponents.recordDraw()).replicates(3).cancellation(token).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExperimentEngine().run(exp, Map.of(), stored::add))
                .isInstanceOf(CancellationToken.RunCancelledException.class);
        assertThat(stored).isEmpty();
    }
}
