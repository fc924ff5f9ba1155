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
class RandomNormalDatasource implements Datasource {

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
        return List.of(ParamSpec.required("n", "integer", "number of draws").withMinimum(0),
                ParamSpec.optional("mean", "number", 0, "mean"),
                ParamSpec.optional("sd", "number", 1, "standard deviation").withMinimum(0));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) {
        int n = Draws.count(params);
        double mean = params.getDouble("mean");
        double sd = params.getDouble("sd");
        RandomGenerator random = ctx.random();
        return DoubleStream.generate(() -> mean + sd * random.nextGaussian()).limit(n).boxed().toList();
    }
}
