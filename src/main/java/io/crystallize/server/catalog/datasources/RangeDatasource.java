package io.crystallize.server.catalog.datasources;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

@Component
class RangeDatasource implements Datasource {

    /** Bounds the data a unit can create, so one definition cannot exhaust the node's memory. */
    private final long maxLength;

    RangeDatasource(ResourceLimits limits) {
        this.maxLength = limits.maxValuesPerUnit();
    }

    @Override
    public String type() {
        return "range";
    }

    @Override
    public String description() {
        return "The integers start ... end-1 (at most " + maxLength + ", " + Draws.PROPERTY + ").";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("start", "integer", 0, "first integer"),
                ParamSpec.required("end", "integer", "one past the last integer"));
    }

    /** The span is checked without overflow: {@code end - start} of two longs may not fit a long. */
    @Override
    public Map<String, String> validate(Map<String, Object> params) {
        if (params.get("start") instanceof Number start && params.get("end") instanceof Number end
                && !(start instanceof Double) && !(end instanceof Double)) {
            BigInteger span = new BigInteger(end.toString()).subtract(new BigInteger(start.toString()));
            if (span.compareTo(BigInteger.valueOf(maxLength)) > 0) {
                return Map.of("end", "the range would hold " + span + " integers, more than " + maxLength
                        + " (" + Draws.PROPERTY + ")");
            }
        }
        return Map.of();
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) throws InterruptedException {
        long start = params.getLong("start");
        long end = params.getLong("end");
        long length = end <= start ? 0 : end - start;
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("range would hold more than " + maxLength + " integers (" + Draws.PROPERTY + ")");
        }
        Draws.reserve(ctx, length);
        long[] out = new long[(int) length];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i;
        }
        return out;
    }
}
