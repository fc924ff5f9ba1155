package io.crystallize.server.analysis;

import org.apache.commons.statistics.inference.DataDispersion;

/**
 * {@code welch_t_test}: Welch's unequal-variance t test of treatment minus baseline, equal to scipy's
 * {@code ttest_ind(treatment, baseline, equal_var=False)} (statistic, p-value, Welch-Satterthwaite
 * {@code df}, {@code confidence_interval(1 - alpha)}). Effect size: Hedges' g ({@code hedges_g}).
 * Needs two values per arm and variance in at least one arm.
 */
public final class WelchTTestVerifier extends IndependentTTestVerifier {

    public WelchTTestVerifier() {
        super(DataDispersion.HETEROSCEDASTIC);
    }

    @Override
    public String type() {
        return "welch_t_test";
    }

    @Override
    public String description() {
        return "Welch's t test (unequal variances) of the treatment mean against the baseline mean";
    }
}
