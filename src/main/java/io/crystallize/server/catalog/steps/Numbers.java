package io.crystallize.server.catalog.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Walks JSON-shaped data: maps every number, or collects them, leaving other values as they are. */
final class Numbers {

    private Numbers() {
    }

    static Object map(Object data, DoubleUnaryOperator f) {
        if (data instanceof Number n) {
            return f.applyAsDouble(n.doubleValue());
        }
        if (data instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(map(v, f)));
            return out;
        }
        if (data instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, map(v, f)));
            return out;
        }
        return data;
    }

    static List<Double> collect(Object data) {
        List<Double> out = new ArrayList<>();
        collect(data, out);
        return out;
    }

    private static void collect(Object data, List<Double> out) {
        if (data instanceof Number n) {
            out.add(n.doubleValue());
        } else if (data instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (data instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        }
    }
}
