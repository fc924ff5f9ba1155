package io.crystallize.server.catalog.datasources;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

@Component
class RandomUniformDatasource implements Datasource {

    private final long maxValues;

    RandomUniformDatasource(ResourceLimits limits) {
        this.maxValues = limits.maxValuesPerUnit();
    }

    @Override
    public String type() {
        return "random.uniform";
    }

    @Override
    public String description() {
        return "n draws from U[low, high), from the unit's seeded generator.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Draws.countParam(maxValues),
                ParamSpec.optional("low", "number", 0, "lower bound"),
                ParamSpec.optional("high", "number", 1, "upper bound, greater than low"));
    }

    /** Checked per condition at submission, with params resolved from the context as the unit will. */
    @Override
    public Map<String, String> validate(Map<String, Object> params) {
        if (params.get("low") instanceof Number low && params.get("high") instanceof Number high
                && !(high.doubleValue() > low.doubleValue())) {
            return Map.of("high", "must be greater than low (" + low + "), got " + high);
        }
        return Map.of();
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) throws InterruptedException {
        int n = Draws.count(params, maxValues);
        double low = params.getDouble("low");
        double high = params.getDouble("high");
        if (!(high > low)) {
            throw new IllegalArgumentException("high (" + high + ") must be greater than low (" + low + ")");
        }
        Draws.reserve(ctx, n);
        RandomGenerator random = ctx.random();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + (high - low) * random.nextDouble();
        }
        return out;
    }
}
