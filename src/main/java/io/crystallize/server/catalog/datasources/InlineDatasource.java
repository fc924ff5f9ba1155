package io.crystallize.server.catalog.datasources;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class InlineDatasource implements Datasource {

    @Override
    public String type() {
        return "inline";
    }

    @Override
    public String description() {
        return "The JSON value given as data.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("data", "any", "the data of every unit"));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) {
        return params.get("data");
    }
}
