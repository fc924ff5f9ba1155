package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared parameter of a step, datasource, verifier or plugin: its name, JSON type, whether it is
 * required (has no default), its default, a description and its bounds. Listed by {@code GET /api/catalog}.
 * An {@code integer} always fits 64 bits; a {@code number} is always finite; {@code minimum}/{@code maximum}
 * bound numbers (both exclusive when {@code exclusive}), so a value the step could not use is refused at
 * submission instead of failing a unit at run time.
 */
public record ParamSpec(String name, String type, boolean required, Object defaultValue, String description,
                        Double minimum, List<String> allowed, Double maximum, boolean exclusive) {

    private static final java.math.BigInteger LONG_MIN = java.math.BigInteger.valueOf(Long.MIN_VALUE);
    private static final java.math.BigInteger LONG_MAX = java.math.BigInteger.valueOf(Long.MAX_VALUE);

    /** A param without an upper bound (the shape before bounds existed). */
    public ParamSpec(String name, String type, boolean required, Object defaultValue, String description,
                     Double minimum, List<String> allowed) {
        this(name, type, required, defaultValue, description, minimum, allowed, null, false);
    }

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
        return new ParamSpec(name, type, required, defaultValue, description, min, allowed, maximum, exclusive);
    }

    /** A copy that also requires numbers to be at most {@code max}. */
    public ParamSpec withMaximum(double max) {
        return new ParamSpec(name, type, required, defaultValue, description, minimum, allowed, max, exclusive);
    }

    /** A copy for a Java {@code int}: an integer between {@code min} and {@code max} (at most 2^31 - 1). */
    public ParamSpec withIntRange(int min, int max) {
        return new ParamSpec(name, type, required, defaultValue, description, (double) min, allowed, (double) max, false);
    }

    /** A copy that requires numbers strictly between {@code min} and {@code max}. */
    public ParamSpec strictlyBetween(double min, double max) {
        return new ParamSpec(name, type, required, defaultValue, description, min, allowed, max, true);
    }

    /** A copy that also requires strings to be one of {@code values}. */
    public ParamSpec withAllowed(String... values) {
        return new ParamSpec(name, type, required, defaultValue, description, minimum, List.of(values), maximum, exclusive);
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
        if (value instanceof Number n) {
            Optional<String> range = range(n);
            if (range.isPresent()) {
                return range;
            }
        }
        if (allowed != null && value != null && !allowed.contains(value.toString())) {
            return Optional.of("must be one of " + allowed + ", got '" + value + "'");
        }
        return Optional.empty();
    }

    private Optional<String> range(Number n) {
        if (type.equals("integer") && n instanceof java.math.BigInteger big
                && (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0)) {
            return Optional.of("must be an integer within 64 bits (-2^63 to 2^63-1), got " + value(n));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return Optional.of("must be a finite number, got " + value(n));
        }
        if (exclusive && minimum != null && maximum != null && !(d > minimum && d < maximum)) {
            return Optional.of("must be strictly between " + format(minimum) + " and " + format(maximum) + ", got " + value(n));
        }
        if (minimum != null && d < minimum) {
            return Optional.of("must be at least " + format(minimum) + ", got " + value(n));
        }
        if (maximum != null && d > maximum) {
            return Optional.of("must be at most " + format(maximum) + ", got " + value(n));
        }
        return Optional.empty();
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e18 ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    /** A number as given, shortened: a hostile value must not make the error answer huge. */
    private static String value(Number n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private String article() {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    /** Written as an integer: {@code 2.0} and {@code 2e3} are fractions in JSON, and are not coerced. */
    private static boolean isIntegral(Number n) {
        return !(n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal);
    }
}
