package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.random.RandomGenerator;

@Component
class GaussianNoiseStep implements Step {

    @Override
    public String type() {
        return "noise.gaussian";
    }

    @Override
    public String description() {
        return "Adds N(0, sd) noise, drawn from the unit's seeded generator, to every number of the data.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("sd", "number", 1, "standard deviation of the noise").withMinimum(0));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        double sd = params.getDouble("sd");
        RandomGenerator random = ctx.random();
        return Numbers.map(data, x -> x + sd * random.nextGaussian());
    }
}
