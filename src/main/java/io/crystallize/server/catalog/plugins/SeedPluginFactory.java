package io.crystallize.server.catalog.plugins;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.RunPreparation;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalInt;

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

    /** Added to every run that lacks it, after the artifacts plugin. */
    @Override
    public OptionalInt defaultPosition() {
        return OptionalInt.of(1);
    }

    /** The configured seed, else one drawn now, recorded on the run so it can be reproduced (a resumed run keeps its own). */
    @Override
    public void prepare(Params params, RunPreparation run) {
        if (run.baseSeed() == null) {
            run.baseSeed(params.has("seed") ? params.getLong("seed") : SeedPlugin.drawSeed());
        }
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new SeedPlugin(params.has("seed") ? params.getLong("seed") : null, params.getBoolean("autoSeed"));
    }
}
