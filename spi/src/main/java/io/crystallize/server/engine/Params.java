package io.crystallize.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolved parameter values, with typed getters. Values were type-checked when they were resolved. */
public final class Params {

    private final Map<String, Object> values;
    private final java.util.Set<String> explicit;

    public Params(Map<String, Object> values) {
        this(values, values.keySet());
    }

    /** Values, of which {@code explicit} were given in the definition (the rest came from context or defaults). */
    public Params(Map<String, Object> values, java.util.Set<String> explicit) {
        this(new LinkedHashMap<>(values), java.util.Set.copyOf(explicit), true);
    }

    /** Takes both collections as they are: the engine's resolver builds them fresh for each unit and keeps none. */
    Params(Map<String, Object> values, java.util.Set<String> explicit, boolean owned) {
        this.values = Collections.unmodifiableMap(values);
        this.explicit = explicit;
    }

    /** Whether the definition gave this param explicitly (not a context key, not the declared default). */
    public boolean isExplicit(String name) {
        return explicit.contains(name);
    }

    public static Params of(Map<String, Object> values) {
        return new Params(values);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public String getString(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public boolean getBoolean(String name) {
        return Boolean.TRUE.equals(require(name));
    }

    public List<?> getList(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<?>) v;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
