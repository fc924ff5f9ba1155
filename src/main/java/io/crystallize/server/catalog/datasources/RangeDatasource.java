package io.crystallize.server.catalog.datasources;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.LongStream;

@Component
class RangeDatasource implements Datasource {

    /** Bounds the data a unit can create, so one definition cannot exhaust the node's memory. */
    static final long MAX_LENGTH = Draws.MAX_DRAWS;

    @Override
    public String type() {
        return "range";
    }

    @Override
    public String description() {
        return "The integers start ... end-1 (at most " + MAX_LENGTH + ").";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("start", "integer", 0, "first integer"),
                ParamSpec.required("end", "integer", "one past the last integer"));
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) {
        long start = params.getLong("start");
        long end = params.getLong("end");
        if (end - start > MAX_LENGTH) {
            throw new IllegalArgumentException("range would hold " + (end - start) + " integers, more than " + MAX_LENGTH);
        }
        return LongStream.range(start, end).boxed().toList();
    }
}
