package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class MathAddStep implements Step {

    @Override
    public String type() {
        return "math.add";
    }

    @Override
    public String description() {
        return "Adds delta to every number of the data.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("delta", "number", 0, "the number added"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        double delta = params.getDouble("delta");
        return Numbers.map(data, x -> x + delta);
    }
}
