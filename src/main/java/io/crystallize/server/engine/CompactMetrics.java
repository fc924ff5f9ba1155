package io.crystallize.server.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A unit's metrics held as primitives: a run keeps every unit's outcome until its end, and a million units as
 * maps of boxed values do not fit a small heap (about 1 KB a unit of the API.md example, against about 150 bytes
 * here). Read-only; its values are made on access ({@link MetricNumbers} reads them without). Only metrics of
 * plain {@code Integer}, {@code Long} and {@code Double} values without tags are compacted, longs only up to 2^53
 * in magnitude (which a double holds exactly); others stay as they are.
 */
final class CompactMetrics extends AbstractMap<String, List<MetricValue>> {

    private static final byte DOUBLE = 0;
    private static final byte LONG = 1;
    private static final byte INT = 2;
    /** The largest magnitude of a long a double holds exactly (2^53); a larger one is not compacted. */
    private static final long EXACT_LONG = 1L << 53;

    private final String[] names;
    /** Where each metric's values start in {@code values}; the last metric's end is {@code values.length}. */
    private final int[] starts;
    private final double[] values;
    private final byte[] kinds;

    private CompactMetrics(String[] names, int[] starts, double[] values, byte[] kinds) {
        this.names = names;
        this.starts = starts;
        this.values = values;
        this.kinds = kinds;
    }

    /** A unit's metrics, compacted when every value is a plain number without tags, else a snapshot of them. */
    static Map<String, List<MetricValue>> of(Metrics metrics) {
        Map<String, List<MetricValue>> compact = metrics.read(CompactMetrics::compact);
        return compact != null ? compact : metrics.asMap();
    }

    /** Null when a value has tags or is not an Integer, Long or Double. */
    private static CompactMetrics compact(Map<String, List<MetricValue>> metrics) {
        int count = 0;
        for (List<MetricValue> list : metrics.values()) {
            for (MetricValue v : list) {
                Class<?> type = v.value().getClass();
                if (!v.tags().isEmpty() || type != Double.class && type != Long.class && type != Integer.class
                        || type == Long.class && Math.abs(v.value().longValue()) > EXACT_LONG) {
                    return null;
                }
            }
            count += list.size();
        }
        String[] names = new String[metrics.size()];
        int[] starts = new int[metrics.size()];
        double[] values = new double[count];
        byte[] kinds = new byte[count];
        int m = 0;
        int i = 0;
        for (var e : metrics.entrySet()) {
            // Interned: every unit of a run records the same few names; one copy of each, not one per unit.
            names[m] = e.getKey().intern();
            starts[m++] = i;
            for (MetricValue v : e.getValue()) {
                Number n = v.value();
                kinds[i] = n instanceof Double ? DOUBLE : n instanceof Long ? LONG : INT;
                values[i++] = n.doubleValue();
            }
        }
        return new CompactMetrics(names, starts, values, kinds);
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public List<MetricValue> get(Object key) {
        int m = indexOf(key);
        return m < 0 ? null : values(m);
    }

    private int indexOf(Object name) {
        for (int m = 0; m < names.length; m++) {
            if (names[m].equals(name)) {
                return m;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    /** The names, without making a value. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public boolean contains(Object o) {
                return indexOf(o) >= 0;
            }

            @Override
            public Iterator<String> iterator() {
                return List.of(names).iterator();
            }
        };
    }

    /** {@link MetricNumbers#forEach(Map, String, MetricNumbers.Sink)} without a boxed value. */
    boolean forEach(String name, MetricNumbers.Sink sink) {
        int m = indexOf(name);
        if (m >= 0) {
            add(m, sink);
        }
        return m >= 0;
    }

    void forEach(java.util.function.Function<String, MetricNumbers.Sink> sinks) {
        for (int m = 0; m < names.length; m++) {
            add(m, sinks.apply(names[m]));
        }
    }

    private void add(int m, MetricNumbers.Sink sink) {
        int end = m + 1 < starts.length ? starts[m + 1] : values.length;
        for (int i = starts[m]; i < end; i++) {
            if (kinds[i] == DOUBLE) {
                sink.add(values[i]);
            } else {
                sink.add((long) values[i]);
            }
        }
    }

    private List<MetricValue> values(int m) {
        int end = m + 1 < starts.length ? starts[m + 1] : values.length;
        MetricValue[] out = new MetricValue[end - starts[m]];
        for (int i = starts[m]; i < end; i++) {
            out[i - starts[m]] = new MetricValue(number(i), Map.of());
        }
        return List.of(out);
    }

    private Number number(int i) {
        return switch (kinds[i]) {
            case LONG -> (long) values[i];
            case INT -> (int) values[i];
            default -> values[i];
        };
    }

    @Override
    public Set<Entry<String, List<MetricValue>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Entry<String, List<MetricValue>>> iterator() {
                return new Iterator<>() {
                    private int m;

                    @Override
                    public boolean hasNext() {
                        return m < names.length;
                    }

                    @Override
                    public Entry<String, List<MetricValue>> next() {
                        if (m >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int at = m++;
                        return new Entry<>() { // the value is made when asked for, not to read the name
                            @Override
                            public String getKey() {
                                return names[at];
                            }

                            @Override
                            public List<MetricValue> getValue() {
                                return values(at);
                            }

                            @Override
                            public List<MetricValue> setValue(List<MetricValue> value) {
                                throw new UnsupportedOperationException("metrics are read-only");
                            }

                            @Override
                            public boolean equals(Object o) {
                                return o instanceof Entry<?, ?> e && getKey().equals(e.getKey())
                                        && getValue().equals(e.getValue());
                            }

                            @Override
                            public int hashCode() {
                                return getKey().hashCode() ^ getValue().hashCode();
                            }
                        };
                    }
                };
            }
        };
    }
}
