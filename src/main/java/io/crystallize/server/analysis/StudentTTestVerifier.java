package io.crystallize.server.analysis;

import org.apache.commons.statistics.inference.DataDispersion;

/**
 * {@code t_test}: Student's two-sample t test with pooled variance, equal to scipy's
 * {@code ttest_ind(treatment, baseline, equal_var=True)} ({@code df = n1 + n2 - 2}). Effect size: Hedges' g.
 * Needs two values per arm and variance in at least one arm.
 */
public final class StudentTTestVerifier extends IndependentTTestVerifier {

    public StudentTTestVerifier() {
        super(DataDispersion.HOMOSCEDASTIC);
    }

    @Override
    public String type() {
        return "t_test";
    }

    @Override
    public String description() {
        return "Student's two-sample t test (pooled variance) of the treatment mean against the baseline mean";
    }
}
