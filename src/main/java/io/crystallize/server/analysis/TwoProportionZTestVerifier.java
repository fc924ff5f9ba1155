package io.crystallize.server.analysis;

import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * {@code two_proportion_z_test}: compares the share of 1s of a 0/1 metric (success, conversion) between the
 * arms. The statistic is {@code z = (p_t - p_b) / sqrt(p (1 - p) (1/n_t + 1/n_b))} with the pooled proportion
 * {@code p}, as the textbook test; the interval of {@code p_t - p_b} is the Wald interval with the unpooled
 * standard error (a test assumes the null, an interval must not). {@code mean_*} are the proportions.
 * Effect size: Cohen's h, {@code 2 asin sqrt(p_t) - 2 asin sqrt(p_b)}. Values other than 0 and 1, or arms
 * that are all 0 or all 1 together, are an error.
 */
public final class TwoProportionZTestVerifier extends TwoSampleVerifier {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    @Override
    public String type() {
        return "two_proportion_z_test";
    }

    @Override
    public String description() {
        return "Two-proportion z test of a 0/1 metric (share of 1s) between treatment and baseline";
    }

    @Override
    void compute(Arms arms, TestSettings settings, Params params, VerificationContext context, VerifierResult result) {
        double[] b = arms.baseline();
        double[] t = arms.treatment();
        requireAtLeast(1, b, t);
        requireBinary("baseline", b);
        requireBinary("treatment", t);
        double successes = sum(t) + sum(b);
        int n1 = t.length;
        int n2 = b.length;
        double pooled = successes / (n1 + n2);
        if (pooled == 0 || pooled == 1) {
            throw new VerificationException("every value in both arms is " + (int) pooled
                    + ": the z statistic is undefined");
        }
        double p1 = sum(t) / n1;
        double p2 = sum(b) / n2;
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double pValue = settings.alternative().combine(
                STANDARD_NORMAL.survivalProbability(z), STANDARD_NORMAL.cumulativeProbability(z));
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        result.test(pValue, z)
                .effect("cohens_h", 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
        Intervals.pivot(result, p1 - p2, se, STANDARD_NORMAL, settings);
    }

    private static void requireBinary(String arm, double[] values) {
        for (double v : values) {
            if (v != 0 && v != 1) {
                throw new VerificationException("two_proportion_z_test needs 0/1 values; the " + arm
                        + " arm has " + v);
            }
        }
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v; // 0/1 values: the sum is an exact integer
        }
        return s;
    }
}
