package io.crystallize.server.catalog.datasources;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.random.RandomGenerator;

@Component
class RandomNormalDatasource implements Datasource {

    private final long maxValues;

    RandomNormalDatasource(ResourceLimits limits) {
        this.maxValues = limits.maxValuesPerUnit();
    }

    @Override
    public String type() {
        return "random.normal";
    }

    @Override
    public String description() {
        return "n draws from N(mean, sd), from the unit's seeded generator.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Draws.countParam(maxValues),
                ParamSpec.optional("mean", "number", 0, "mean"),
                ParamSpec.optional("sd", "number", 1, "standard deviation").withMinimum(0));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) throws InterruptedException {
        int n = Draws.count(params, maxValues);
        double mean = params.getDouble("mean");
        double sd = params.getDouble("sd");
        Draws.reserve(ctx, n);
        RandomGenerator random = ctx.random();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }
}
