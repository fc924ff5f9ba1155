package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared parameter of a step, datasource, verifier or plugin: its name, JSON type, whether it is
 * required (has no default), its default and a description. Listed by {@code GET /api/catalog}.
 */
public record ParamSpec(String name, String type, boolean required, Object defaultValue, String description,
                        Double minimum, List<String> allowed) {

    public static final List<String> TYPES = List.of("number", "integer", "string", "boolean", "array", "object", "any");

    public ParamSpec {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown param type " + type);
        }
    }

    public static ParamSpec required(String name, String type, String description) {
        return new ParamSpec(name, type, true, null, description, null, null);
    }

    public static ParamSpec optional(String name, String type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, description, null, null);
    }

    /** A copy that also requires numbers to be at least {@code min}. */
    public ParamSpec withMinimum(double min) {
        return new ParamSpec(name, type, required, defaultValue, description, min, allowed);
    }

    /** A copy that also requires strings to be one of {@code values}. */
    public ParamSpec withAllowed(String... values) {
        return new ParamSpec(name, type, required, defaultValue, description, minimum, List.of(values));
    }

    /** Whether {@code value} fits this param's type; null fits only a param whose default is null. */
    public boolean accepts(Object value) {
        if (value == null) {
            return !required && defaultValue == null;
        }
        return switch (type) {
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Number n && isIntegral(n);
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> true;
        };
    }

    /** Empty when {@code value} fits, else a message naming what was expected. */
    public Optional<String> check(Object value) {
        if (!accepts(value)) {
            return Optional.of("must be " + article() + " " + type + ", got " + JsonValues.typeName(value));
        }
        if (minimum != null && value instanceof Number n && n.doubleValue() < minimum) {
            return Optional.of("must be at least " + (minimum == Math.rint(minimum) ? String.valueOf(minimum.longValue())
                    : String.valueOf(minimum)) + ", got " + value);
        }
        if (allowed != null && value != null && !allowed.contains(value.toString())) {
            return Optional.of("must be one of " + allowed + ", got '" + value + "'");
        }
        return Optional.empty();
    }

    private String article() {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    private static boolean isIntegral(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return true;
    }
}
