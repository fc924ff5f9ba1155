package io.crystallize.server.analysis;

import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

import static io.crystallize.server.analysis.Descriptives.mean;
import static io.crystallize.server.analysis.Descriptives.variance;
import static io.crystallize.server.analysis.Descriptives.zeroVariance;

/**
 * Two-sample t test of treatment minus baseline, as scipy's {@code ttest_ind(treatment, baseline)}:
 * Welch (unequal variances) or Student (pooled variance). Adds {@code df}; the interval is the t interval
 * of the difference of means, and the effect size Hedges' g.
 */
abstract class IndependentTTestVerifier extends TwoSampleVerifier {

    private final DataDispersion dispersion;

    IndependentTTestVerifier(DataDispersion dispersion) {
        this.dispersion = dispersion;
    }

    @Override
    final void compute(Arms arms, TestSettings settings, Params params, VerificationContext context,
                       VerifierResult result) {
        double[] b = arms.baseline();
        double[] t = arms.treatment();
        requireAtLeast(2, b, t);
        if (zeroVariance(b) && zeroVariance(t)) {
            throw new VerificationException("both arms have zero variance: the t statistic is undefined");
        }
        TTest.Result r = TTest.withDefaults().with(dispersion).with(settings.alternative().commons()).test(t, b);
        result.test(r.getPValue(), r.getStatistic())
                .effect("hedges_g", Descriptives.hedgesG(t, b))
                .number("df", r.getDegreesOfFreedom());
        Intervals.pivot(result, mean(t) - mean(b), standardError(t, b),
                TDistribution.of(r.getDegreesOfFreedom()), settings);
    }

    private double standardError(double[] t, double[] b) {
        int n1 = t.length;
        int n2 = b.length;
        if (dispersion == DataDispersion.HETEROSCEDASTIC) {
            return Math.sqrt(variance(t) / n1 + variance(b) / n2);
        }
        double pooled = ((n1 - 1) * variance(t) + (n2 - 1) * variance(b)) / (n1 + n2 - 2);
        return Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
    }
}
