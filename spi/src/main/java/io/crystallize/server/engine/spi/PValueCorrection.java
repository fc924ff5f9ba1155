package io.crystallize.server.engine.spi;

import java.util.List;

/**
 * Adjusts the p-values of one hypothesis's treatments for multiple comparisons ({@code holm},
 * {@code bonferroni}, {@code bh}, {@code none}); nulls stay null, order is kept.
 */
@FunctionalInterface
public interface PValueCorrection {

    List<Double> adjust(List<Double> pValues, String method);

    /** Leaves p-values as they are, whatever the method. */
    PValueCorrection NONE = (pValues, method) -> pValues;
}
