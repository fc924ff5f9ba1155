package io.crystallize.server.catalog.datasources;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;

@Component
class RandomUniformDatasource implements Datasource {

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
        return List.of(ParamSpec.required("n", "integer", "number of draws").withMinimum(0),
                ParamSpec.optional("low", "number", 0, "lower bound"),
                ParamSpec.optional("high", "number", 1, "upper bound"));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) {
        int n = Draws.count(params);
        double low = params.getDouble("low");
        double high = params.getDouble("high");
        if (!(high > low)) {
            throw new IllegalArgumentException("high (" + high + ") must be greater than low (" + low + ")");
        }
        RandomGenerator random = ctx.random();
        return DoubleStream.generate(() -> low + (high - low) * random.nextDouble()).limit(n).boxed().toList();
    }
}
