package io.crystallize.server.analysis;

import org.apache.commons.statistics.inference.AlternativeHypothesis;

/** The {@code alternative} param, scipy's spelling; {@code greater} means treatment above baseline. */
enum Alternative {
    TWO_SIDED("two-sided", AlternativeHypothesis.TWO_SIDED),
    GREATER("greater", AlternativeHypothesis.GREATER_THAN),
    LESS("less", AlternativeHypothesis.LESS_THAN);

    private final String label;
    private final AlternativeHypothesis commons;

    Alternative(String label, AlternativeHypothesis commons) {
        this.label = label;
        this.commons = commons;
    }

    static Alternative parse(String value) {
        for (Alternative a : values()) {
            if (a.label.equals(value)) {
                return a;
            }
        }
        throw new VerificationException("alternative must be one of two-sided, greater, less; got '" + value + "'");
    }

    String label() {
        return label;
    }

    AlternativeHypothesis commons() {
        return commons;
    }

    /** One-sided p-value of "statistic at least this large" and its mirror, combined for this alternative. */
    double combine(double pGreater, double pLess) {
        return switch (this) {
            case GREATER -> pGreater;
            case LESS -> pLess;
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(pGreater, pLess));
        };
    }
}
