package com.example.clip;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

/** Clips every number of the data to [low, high] and records how many it changed. */
@Component
public class ClipStep implements Step {

    @Override
    public String type() {
        return "math.clip";
    }

    @Override
    public String description() {
        return "Clips every number to [low, high]; records the metric 'clipped'.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("low", "number", 0, "lower bound"),
                ParamSpec.optional("high", "number", 1, "upper bound"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        double low = params.getDouble("low");
        double high = params.getDouble("high");
        List<?> values = data instanceof List<?> list ? list : List.of(data);
        int clipped = 0;
        List<Double> out = new java.util.ArrayList<>();
        for (Object v : values) {
            double x = ((Number) v).doubleValue();
            double y = Math.min(high, Math.max(low, x));
            clipped += y != x ? 1 : 0;
            out.add(y);
        }
        // Randomness, if a step needs any, comes only from ctx.random() (seeded per unit).
        ctx.metrics().add("clipped", clipped);
        return out;
    }
}
