package io.crystallize.server.experiment.internal;

import io.crystallize.server.problem.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Rules on every number of a definition, wherever it sits (params, contexts, inline data): integers fit 64 bits and
 * numbers are finite. JSON allows {@code 18446744073709551626} and {@code 1e400}; Java would wrap the first and
 * turn the second into Infinity, so both are refused at submission with the field named.
 */
final class JsonNumberRules {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Deeper nesting is refused: it only serves to exhaust the stack of whoever walks the value. */
    static final int MAX_DEPTH = 64;

    private JsonNumberRules() {
    }

    static void check(List<FieldError> errors, String field, Object value) {
        check(errors, field, value, 0);
    }

    private static void check(List<FieldError> errors, String field, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(field, "is nested more than " + MAX_DEPTH + " levels deep"));
            return;
        }
        if (value instanceof BigInteger big && (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0)) {
            errors.add(new FieldError(field, "must be an integer within 64 bits (-2^63 to 2^63-1)"));
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)
                || value instanceof BigDecimal b && !Double.isFinite(b.doubleValue())) {
            errors.add(new FieldError(field, "must be a finite number"));
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                check(errors, field + "." + e.getKey(), e.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(errors, field + "[" + i + "]", list.get(i), depth + 1);
            }
        }
    }
}
