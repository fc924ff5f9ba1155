package io.crystallize.examples.extension;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;

import java.util.ArrayList;
import java.util.List;

/** {@code example.clamp}: clamps every number of the data into [low, high] and records how many it changed. */
public class ClampStep implements Step {

    @Override
    public String type() {
        return "example.clamp";
    }

    @Override
    public String description() {
        return "Clamps every number into [low, high]; records the metric 'clamped' (how many changed).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("low", "number", 0, "the smallest value kept"),
                ParamSpec.required("high", "number", "the largest value kept"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        double low = params.getDouble("low");
        double high = params.getDouble("high");
        double[] values = numbers(data);
        List<Double> out = new ArrayList<>(values.length);
        int clamped = 0;
        for (double x : values) {
            double y = Math.max(low, Math.min(high, x));
            clamped += y == x ? 0 : 1;
            out.add(y);
        }
        ctx.metrics().add("clamped", clamped);
        return out;
    }

    /** The built-in datasources hand out primitive arrays (never boxed); JSON data arrives as a list. */
    private static double[] numbers(Object data) {
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof long[] l) {
            return java.util.Arrays.stream(l).asDoubleStream().toArray();
        }
        if (data instanceof List<?> list) {
            return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        throw new IllegalArgumentException("example.clamp needs numbers, got " + data);
    }
}
