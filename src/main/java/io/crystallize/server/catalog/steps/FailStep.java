package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class FailStep implements Step {

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public String description() {
        return "Throws where the unit's condition and replicate match (an empty list matches any). Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("conditions", "array", List.of(), "conditions to fail in"),
                ParamSpec.optional("replicates", "array", List.of(), "replicates to fail in"),
                ParamSpec.optional("message", "string", "fail step", "the error message"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        List<?> conditions = params.getList("conditions");
        List<?> replicates = params.getList("replicates");
        boolean conditionMatches = conditions.isEmpty() || conditions.contains(ctx.condition());
        boolean replicateMatches = replicates.isEmpty()
                || replicates.stream().anyMatch(r -> r instanceof Number n && n.intValue() == ctx.replicate());
        if (conditionMatches && replicateMatches) {
            throw new IllegalStateException(params.getString("message"));
        }
        return data;
    }
}
