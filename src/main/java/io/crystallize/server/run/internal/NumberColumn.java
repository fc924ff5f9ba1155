package io.crystallize.server.run.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The values of one metric of one condition, as primitives (8 bytes a value, not a boxed number in a list),
 * written back as recorded: integers as integers, other numbers as doubles.
 */
final class NumberColumn {

    private double[] values = new double[64];
    private final BitSet integral = new BitSet();
    private int size;

    void add(JsonParser p) {
        switch (p.getNumberType()) {
            case INT, LONG -> add(p.getLongValue());
            default -> add(p.getDoubleValue());
        }
    }

    void add(long value) {
        grow();
        values[size] = value;
        integral.set(size);
        size++;
    }

    void add(double value) {
        grow();
        values[size++] = value;
    }

    private void grow() {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
    }

    void write(JsonGenerator g) {
        g.writeStartArray();
        for (int i = 0; i < size; i++) {
            if (integral.get(i)) {
                g.writeNumber((long) values[i]);
            } else {
                g.writeNumber(values[i]);
            }
        }
        g.writeEndArray();
    }
}
