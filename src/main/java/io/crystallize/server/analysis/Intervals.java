package io.crystallize.server.analysis;

import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * Confidence intervals {@code estimate ± q * se} at level {@code 1 - alpha}, matching the test's alternative
 * as scipy does: two-sided uses the {@code 1 - alpha/2} quantile; one-sided intervals use {@code 1 - alpha}
 * and leave the other bound infinite (null in JSON).
 */
final class Intervals {

    private Intervals() {
    }

    /** {@code reference} is the standardised distribution of the estimate: Student's t or the standard normal. */
    static void pivot(VerifierResult result, double estimate, double se, ContinuousDistribution reference,
                      TestSettings settings) {
        double alpha = settings.alpha();
        switch (settings.alternative()) {
            case TWO_SIDED -> {
                double q = reference.inverseSurvivalProbability(alpha / 2);
                result.interval(estimate - q * se, estimate + q * se);
            }
            case GREATER -> result.interval(estimate - reference.inverseSurvivalProbability(alpha) * se,
                    Double.POSITIVE_INFINITY);
            case LESS -> result.interval(Double.NEGATIVE_INFINITY,
                    estimate + reference.inverseSurvivalProbability(alpha) * se);
        }
    }
}
