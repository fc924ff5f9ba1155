package io.crystallize.server.catalog.steps;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class SleepStep implements Step {

    /** A sleep longer than a unit may run could only end in the unit's time-out: refused at submission. */
    private final long maxMs;

    SleepStep(ResourceLimits limits) {
        this.maxMs = limits.unitTimeout() == null ? Long.MAX_VALUE : limits.unitTimeout().toMillis();
    }

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public String description() {
        return "Waits ms milliseconds; stops at once when the run is cancelled. Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("ms", "integer", 0, "milliseconds to wait, at most "
                + "crystallize.limits.unit-timeout").withMinimum(0).withMaximum(maxMs));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) throws InterruptedException {
        ctx.cancellation().sleep(params.getLong("ms"));
        return data;
    }
}
