package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class SeedPluginFactory implements PluginFactory {

    @Override
    public String type() {
        return "seed";
    }

    @Override
    public String description() {
        return "Deterministic randomness: unit seed = (seed + replicate * 31337) mod 2^32 with autoSeed, else seed. "
                + "Without a seed one is drawn and recorded on the run.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("seed", "integer", null, "the base seed; drawn when absent").withMinimum(0),
                ParamSpec.optional("autoSeed", "boolean", true, "derive a seed per replicate"),
                ParamSpec.optional("seedFunction", "string", "default",
                        "how the unit seed is applied: 'default' seeds the unit's random generator").withAllowed("default"));
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new SeedPlugin(params.has("seed") ? params.getLong("seed") : null, params.getBoolean("autoSeed"));
    }
}
