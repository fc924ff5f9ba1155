package io.crystallize.server.catalog.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Walks JSON-shaped data: maps every number, or collects them, leaving other values as they are. Large data from
 * the datasources is a primitive array ({@code double[]}, {@code long[]}) and stays one, never boxed.
 */
final class Numbers {

    private Numbers() {
    }

    static Object map(Object data, DoubleUnaryOperator f) {
        if (data instanceof double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = f.applyAsDouble(values[i]);
            }
            return out;
        }
        if (data instanceof long[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = f.applyAsDouble(values[i]);
            }
            return out;
        }
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

    /** Every number in the data; a {@code double[]} is returned as it is (callers only read it). */
    static double[] collect(Object data) {
        if (data instanceof double[] values) {
            return values;
        }
        Collector out = new Collector();
        collect(data, out);
        return java.util.Arrays.copyOf(out.values, out.size);
    }

    /** How many numbers the data holds, without copying them. */
    static long count(Object data) {
        if (data instanceof double[] values) {
            return values.length;
        }
        if (data instanceof long[] values) {
            return values.length;
        }
        if (data instanceof Number) {
            return 1;
        }
        long n = 0;
        if (data instanceof List<?> list) {
            for (Object v : list) {
                n += count(v);
            }
        } else if (data instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n += count(v);
            }
        }
        return n;
    }

    private static void collect(Object data, Collector out) {
        if (data instanceof long[] values) {
            for (long v : values) {
                out.add(v);
            }
        } else if (data instanceof double[] values) {
            for (double v : values) {
                out.add(v);
            }
        } else if (data instanceof Number n) {
            out.add(n.doubleValue());
        } else if (data instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (data instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        }
    }

    /** A growable primitive buffer. */
    private static final class Collector {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }
    }
}
