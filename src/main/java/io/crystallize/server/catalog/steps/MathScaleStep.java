package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class MathScaleStep implements Step {

    @Override
    public String type() {
        return "math.scale";
    }

    @Override
    public String description() {
        return "Multiplies every number of the data by factor.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("factor", "number", 1, "the multiplier"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        double factor = params.getDouble("factor");
        return Numbers.map(data, x -> x * factor);
    }
}
