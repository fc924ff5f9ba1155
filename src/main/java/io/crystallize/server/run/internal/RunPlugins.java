package io.crystallize.server.run.internal;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.engine.ParamResolver;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.RunPreparation;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's plugin entries, in the order their hooks run: the declared plugins, then SPEC §2's defaults the run
 * lacks (in their factories' order), each rewritten by its factory for a debug run. What each plugin does with
 * a run is its factory's business; nothing here names a plugin.
 */
@Component
class RunPlugins {

    /** One plugin of a run: its factory and its resolved params. */
    record Entry(PluginFactory factory, Params params) {
    }

    private final Catalog catalog;

    RunPlugins(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Entry> of(ExperimentDefinition d, boolean debug) {
        List<ComponentSpec> specs = new ArrayList<>(d.plugins());
        catalog.plugins().stream().filter(f -> f.defaultPosition().isPresent())
                .sorted(Comparator.comparingInt(f -> f.defaultPosition().getAsInt()))
                .filter(f -> specs.stream().noneMatch(s -> s.type().equals(f.type())))
                .forEach(f -> specs.add(new ComponentSpec(f.type(), Map.of())));
        List<Entry> entries = new ArrayList<>();
        for (ComponentSpec spec : specs) {
            PluginFactory factory = catalog.plugin(spec.type()).orElseThrow();
            Optional<Map<String, Object>> params = debug ? factory.forDebugRun(spec.params()) : Optional.of(spec.params());
            params.ifPresent(p -> entries.add(new Entry(factory,
                    ParamResolver.resolve("plugin '" + spec.type() + "'", factory.params(), p, null))));
        }
        return entries;
    }

    /** Lets every plugin of the run decide what the run records before it starts. */
    void prepare(ExperimentDefinition d, boolean debug, RunPreparation run) {
        of(d, debug).forEach(e -> e.factory().prepare(e.params(), run));
    }
}
