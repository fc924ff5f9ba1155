package io.crystallize.server.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment definition for tests, as the JSON map the API takes ({@link Api#createExperiment(Object)}). Unless
 * told otherwise: a {@code range} datasource (0 … 4), no steps, treatments, hypotheses or plugins (the keys are left
 * out, so the service's defaults apply), one replicate. The map and its lists are mutable, for tests that break a
 * definition on purpose.
 *
 * <pre>{@code
 * DefinitionBuilder.experiment(name).step("sleep", Map.of("ms", 20)).step("stats.summary")
 *         .treatment("t", Map.of("delta", 1.0)).replicates(3).seed(7).build();
 * }</pre>
 */
public final class DefinitionBuilder {

    private final String name;
    private Map<String, Object> datasource = component("range", Map.of("end", 5));
    private final List<Object> steps = new ArrayList<>();
    private Map<String, Object> initialContext;
    private final List<Object> treatments = new ArrayList<>();
    private final List<Object> hypotheses = new ArrayList<>();
    private int replicates = 1;
    private final List<Object> plugins = new ArrayList<>();

    private DefinitionBuilder(String name) {
        this.name = name;
    }

    public static DefinitionBuilder experiment(String name) {
        return new DefinitionBuilder(name);
    }

    public DefinitionBuilder datasource(String type, Map<String, Object> params) {
        this.datasource = component(type, params);
        return this;
    }

    /** A step without params (the key is left out). */
    public DefinitionBuilder step(String type) {
        steps.add(new LinkedHashMap<>(Map.of("type", type)));
        return this;
    }

    public DefinitionBuilder step(String type, Map<String, Object> params) {
        steps.add(component(type, params));
        return this;
    }

    public DefinitionBuilder initialContext(Map<String, Object> context) {
        this.initialContext = new LinkedHashMap<>(context);
        return this;
    }

    /** A treatment: its name and what it adds to a unit's context. */
    public DefinitionBuilder treatment(String name, Map<String, Object> context) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("context", context);
        treatments.add(t);
        return this;
    }

    /** A hypothesis with a verifier of default params over {@code metrics} (a metric name, or groups as API.md). */
    public DefinitionBuilder hypothesis(String name, String verifier, Object metrics) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("name", name);
        h.put("verifier", new LinkedHashMap<>(Map.of("type", verifier)));
        h.put("metrics", metrics);
        hypotheses.add(h);
        return this;
    }

    public DefinitionBuilder replicates(int replicates) {
        this.replicates = replicates;
        return this;
    }

    public DefinitionBuilder plugin(String type, Map<String, Object> params) {
        plugins.add(component(type, params));
        return this;
    }

    /** The {@code seed} plugin with a fixed seed. */
    public DefinitionBuilder seed(long seed) {
        return plugin("seed", Map.of("seed", seed));
    }

    public Map<String, Object> build() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", new LinkedHashMap<>(datasource));
        if (!steps.isEmpty()) {
            d.put("steps", new ArrayList<>(steps));
        }
        if (initialContext != null) {
            d.put("initialContext", new LinkedHashMap<>(initialContext));
        }
        if (!treatments.isEmpty()) {
            d.put("treatments", new ArrayList<>(treatments));
        }
        if (!hypotheses.isEmpty()) {
            d.put("hypotheses", new ArrayList<>(hypotheses));
        }
        d.put("replicates", replicates);
        if (!plugins.isEmpty()) {
            d.put("plugins", new ArrayList<>(plugins));
        }
        return d;
    }

    private static Map<String, Object> component(String type, Map<String, Object> params) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("params", new LinkedHashMap<>(params));
        return c;
    }
}
