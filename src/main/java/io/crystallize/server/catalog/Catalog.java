package io.crystallize.server.catalog;

import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Described;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.Step;
import io.crystallize.server.engine.spi.Verifier;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All registered steps, datasources, verifiers and plugin factories, by type. Duplicate types fail start-up. */
@Component
public class Catalog {

    private final Map<String, Step> steps;
    private final Map<String, Datasource> datasources;
    private final Map<String, Verifier> verifiers;
    private final Map<String, PluginFactory> plugins;

    public Catalog(List<Step> steps, List<Datasource> datasources, List<Verifier> verifiers, List<PluginFactory> plugins) {
        this.steps = index("step", steps);
        this.datasources = index("datasource", datasources);
        this.verifiers = index("verifier", verifiers);
        this.plugins = index("plugin", plugins);
    }

    private static <T extends Described> Map<String, T> index(String kind, List<T> entries) {
        Map<String, T> byType = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(Described::type)).forEach(e -> {
            if (byType.putIfAbsent(e.type(), e) != null) {
                throw new IllegalStateException("two " + kind + "s are registered as '" + e.type() + "'");
            }
        });
        return Map.copyOf(byType);
    }

    public Optional<Step> step(String type) {
        return Optional.ofNullable(type == null ? null : steps.get(type));
    }

    public Optional<Datasource> datasource(String type) {
        return Optional.ofNullable(type == null ? null : datasources.get(type));
    }

    public Optional<Verifier> verifier(String type) {
        return Optional.ofNullable(type == null ? null : verifiers.get(type));
    }

    public Optional<PluginFactory> plugin(String type) {
        return Optional.ofNullable(type == null ? null : plugins.get(type));
    }

    public List<Step> steps() {
        return sorted(steps);
    }

    public List<Datasource> datasources() {
        return sorted(datasources);
    }

    public List<Verifier> verifiers() {
        return sorted(verifiers);
    }

    public List<PluginFactory> plugins() {
        return sorted(plugins);
    }

    private static <T extends Described> List<T> sorted(Map<String, T> byType) {
        return byType.values().stream().sorted(Comparator.comparing(Described::type)).toList();
    }
}
