package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Component
class JsonArtifactStep implements Step {

    private final JsonMapper json;

    JsonArtifactStep(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "artifact.json";
    }

    @Override
    public String description() {
        return "Logs the current data as a JSON artifact named name. Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("name", "string", "data.json", "the artifact's file name"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        ctx.artifacts().add(params.getString("name"), json.writeValueAsBytes(data));
        return data;
    }
}
