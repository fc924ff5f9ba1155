package io.crystallize.server.analysis;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/** Small numeric helpers shared by the verifiers. Means and variances come from Commons Statistics. */
final class Descriptives {

    private Descriptives() {
    }

    /** NaN for an empty sample. */
    static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : Mean.of(x).getAsDouble();
    }

    /** Sample variance (n - 1); NaN below two values. */
    static double variance(double[] x) {
        return x.length < 2 ? Double.NaN : Variance.of(x).getAsDouble();
    }

    /** Whether the sample has at least two values and they are all equal. */
    static boolean zeroVariance(double[] x) {
        if (x.length < 2) {
            return false;
        }
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hedges' g of treatment minus baseline: Cohen's d with the pooled (n - 1) sd, times the usual small-sample
     * correction {@code 1 - 3 / (4 (n1 + n2) - 9)}. NaN when undefined (fewer than two values, pooled sd 0).
     */
    static double hedgesG(double[] treatment, double[] baseline) {
        int n1 = treatment.length;
        int n2 = baseline.length;
        if (n1 < 2 || n2 < 2) {
            return Double.NaN;
        }
        double pooled = ((n1 - 1) * variance(treatment) + (n2 - 1) * variance(baseline)) / (n1 + n2 - 2);
        if (!(pooled > 0)) {
            return Double.NaN;
        }
        double d = (mean(treatment) - mean(baseline)) / Math.sqrt(pooled);
        return d * (1 - 3.0 / (4 * (n1 + n2) - 9));
    }
}
