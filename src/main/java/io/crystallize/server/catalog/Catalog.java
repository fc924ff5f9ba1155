package io.crystallize.server.catalog;

import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Described;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.Step;
import io.crystallize.server.engine.spi.Verifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All registered steps, datasources, verifiers and plugin factories, by type. Duplicate bean types fail start-up.
 * Steps and datasources registered at run time ({@link RuntimeEntries}) come after the beans.
 */
@Component
public class Catalog {

    private final Map<String, Step> steps;
    private final Map<String, Datasource> datasources;
    private final Map<String, Verifier> verifiers;
    private final Map<String, PluginFactory> plugins;
    private final ObjectProvider<RuntimeEntries> runtime;

    public Catalog(List<Step> steps, List<Datasource> datasources, List<Verifier> verifiers, List<PluginFactory> plugins,
                   ObjectProvider<RuntimeEntries> runtime) {
        this.runtime = runtime;
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
        if (type == null) {
            return Optional.empty();
        }
        Step bean = steps.get(type);
        return bean != null ? Optional.of(bean)
                : runtime.orderedStream().flatMap(r -> r.step(type).stream()).findFirst();
    }

    public Optional<Datasource> datasource(String type) {
        if (type == null) {
            return Optional.empty();
        }
        Datasource bean = datasources.get(type);
        return bean != null ? Optional.of(bean)
                : runtime.orderedStream().flatMap(r -> r.datasource(type).stream()).findFirst();
    }

    /** Whether a bean (not a runtime entry) is registered as {@code type} in any kind. */
    public boolean hasBean(String type) {
        return steps.containsKey(type) || datasources.containsKey(type) || verifiers.containsKey(type)
                || plugins.containsKey(type);
    }

    public Optional<Verifier> verifier(String type) {
        return Optional.ofNullable(type == null ? null : verifiers.get(type));
    }

    public Optional<PluginFactory> plugin(String type) {
        return Optional.ofNullable(type == null ? null : plugins.get(type));
    }

    public List<Step> steps() {
        return merged(steps, runtime.orderedStream().flatMap(r -> r.steps().stream()));
    }

    public List<Datasource> datasources() {
        return merged(datasources, runtime.orderedStream().flatMap(r -> r.datasources().stream()));
    }

    public List<Verifier> verifiers() {
        return sorted(verifiers);
    }

    public List<PluginFactory> plugins() {
        return sorted(plugins);
    }

    /** The beans, then the runtime entries whose type no bean (nor an earlier entry) has, sorted by type. */
    private static <T extends Described> List<T> merged(Map<String, T> beans, Stream<T> entries) {
        Map<String, T> all = new LinkedHashMap<>(beans);
        entries.forEach(e -> all.putIfAbsent(e.type(), e));
        return sorted(all);
    }

    private static <T extends Described> List<T> sorted(Map<String, T> byType) {
        return byType.values().stream().sorted(Comparator.comparing(Described::type)).toList();
    }
}
