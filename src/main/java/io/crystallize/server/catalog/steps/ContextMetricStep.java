package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class ContextMetricStep implements Step {

    @Override
    public String type() {
        return "metric.context";
    }

    @Override
    public String description() {
        return "Records the number under a context key (e.g. seed_used) as a metric. Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.required("key", "string", "the context key to read"),
                ParamSpec.optional("metric", "string", null, "the metric name; the key when absent"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        String key = params.getString("key");
        String metric = params.has("metric") ? params.getString("metric") : key;
        Object value = ctx.get(key).orElseThrow(() -> new IllegalArgumentException("context has no key '" + key + "'"));
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("context key '" + key + "' holds no number: " + value);
        }
        ctx.metrics().add(metric, n);
        return data;
    }
}
