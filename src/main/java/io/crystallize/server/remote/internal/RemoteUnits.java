package io.crystallize.server.remote.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Placement;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit's call of a remote component: the request body of API.md ({@code type, experiment, run, replicate,
 * condition, seed, params, context, data}), its {@code Idempotency-Key}, and the answer recorded on the unit's
 * context — metrics, artifacts (stored by the artifacts plugin after the step, as a built-in's) and log lines.
 */
@Component
class RemoteUnits {

    private final RemoteCaller caller;
    private final JsonMapper json;

    RemoteUnits(RemoteCaller caller, JsonMapper json) {
        this.caller = caller;
        this.json = json;
    }

    Object run(RemoteDefinition d, Placement at, Object input, FrozenContext ctx, Params params)
            throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", d.type());
        body.put("experiment", map("id", at.experimentId(), "name", at.experimentName()));
        body.put("run", map("id", at.runId()));
        body.put("replicate", ctx.replicate());
        body.put("condition", ctx.condition());
        body.put("seed", ctx.get(ContextKeys.SEED_USED_KEY).orElse(null));
        body.put("params", params.asMap());
        body.put("context", ctx.asMap());
        body.put("data", input);
        byte[] answer = caller.call(d, idempotencyKey(at, ctx), json.writeValueAsBytes(body), ctx.cancellation(),
                ctx.log());
        return RemoteReply.parse(json, answer, d).recordOn(ctx, d);
    }

    /** {@code <runId>:<replicate>:<condition>:<step index>}; the datasource's index is {@code datasource}. */
    static String idempotencyKey(Placement at, FrozenContext ctx) {
        return at.runId() + ":" + ctx.replicate() + ":" + ctx.condition() + ":"
                + (at.index() == Placement.DATASOURCE ? "datasource" : String.valueOf(at.index()));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
