package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small steps and datasources for engine tests, built from lambdas. */
public final class TestComponents {

    public interface StepBody {
        Object apply(Object data, FrozenContext ctx, Params params) throws Exception;
    }

    private TestComponents() {
    }

    public static Step step(String type, List<ParamSpec> params, StepBody body) {
        return new Step() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String description() {
                return type;
            }

            @Override
            public List<ParamSpec> params() {
                return params;
            }

            @Override
            public Object apply(Object data, FrozenContext ctx, Params p) throws Exception {
                return body.apply(data, ctx, p);
            }
        };
    }

    /** Records the first draw of the unit's generator and the value of {@code increment} added to 0. */
    public static Step recordDraw() {
        return step("record", List.of(ParamSpec.optional("increment", "number", 0, "")), (data, ctx, p) -> {
            ctx.metrics().add("draw", ctx.random().nextDouble());
            ctx.metrics().add("value", p.getDouble("increment"));
            return data;
        });
    }

    public static Datasource constant(Object value) {
        return new Datasource() {
            @Override
            public String type() {
                return "constant";
            }

            @Override
            public String description() {
                return "constant";
            }

            @Override
            public List<ParamSpec> params() {
                return List.of();
            }

            @Override
            public Object fetch(FrozenContext ctx, Params params) {
                return value;
            }
        };
    }

    public static Experiment.Builder experiment(Step... steps) {
        List<StepInvocation> invocations = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            invocations.add(new StepInvocation(i, steps[i], Map.of()));
        }
        return Experiment.builder().id("exp").name("exp").runId("run")
                .datasource(new DatasourceInvocation(constant(List.of(1.0, 2.0, 3.0)), Map.of()))
                .steps(invocations);
    }
}
