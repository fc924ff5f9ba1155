package io.crystallize.server.analysis;

import java.util.List;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

import java.util.Arrays;

/**
 * {@code mann_whitney_u}: the Mann-Whitney U (Wilcoxon rank-sum) test, equal to scipy's default
 * {@code mannwhitneyu(treatment, baseline)}. So {@code statistic} is U of the <em>treatment</em> sample
 * (the number of (treatment, baseline) pairs where the treatment value is larger, ties counting one half),
 * and {@code greater} means the treatment is stochastically larger.
 *
 * <p>P-value method as scipy's {@code method='auto'} (scipy 1.13+): exact when the smaller sample has at most
 * 8 values and there are no ties, otherwise the normal approximation with tie correction and continuity
 * correction. Reported as {@code method}. (Commons Statistics' own AUTO goes exact up to 50 values, so the
 * choice is made here.) Effect size: the rank-biserial correlation {@code 2U / (n1 n2) - 1}, positive when
 * the treatment tends to be larger. There is no interval of the difference: {@code ci_low/ci_high} are null.
 */
public final class MannWhitneyUVerifier extends TwoSampleVerifier {

    @Override
    List<String> extraOutputs() {
        return List.of("method");
    }


    /** scipy's auto rule: exact p-values only when one sample is this small. */
    static final int EXACT_MAX_SMALLER_SAMPLE = 8;
    /**
     * Commons tabulates {@code (n1+1)(n2+1)(U+1)} doubles for an exact p-value; above this many (about 160 MB)
     * the asymptotic p-value is used instead and the result is flagged {@link #EXACT_UNAVAILABLE}.
     */
    static final long EXACT_MAX_TABLE = 20_000_000L;
    static final String EXACT_UNAVAILABLE = "EXACT_UNAVAILABLE";

    @Override
    public String type() {
        return "mann_whitney_u";
    }

    @Override
    public String description() {
        return "Mann-Whitney U rank test of the treatment against the baseline (scipy's method='auto')";
    }

    @Override
    void compute(Arms arms, TestSettings settings, Params params, VerificationContext context, VerifierResult result) {
        double[] b = arms.baseline();
        double[] t = arms.treatment();
        requireAtLeast(1, b, t);
        boolean ties = hasTies(t, b);
        if (ties && allEqual(t, b)) {
            throw new VerificationException("all values are tied: the rank test is undefined");
        }
        boolean exact = !ties && Math.min(t.length, b.length) <= EXACT_MAX_SMALLER_SAMPLE;
        if (exact && exactTable(t.length, b.length) > EXACT_MAX_TABLE) {
            exact = false;
            result.flag(EXACT_UNAVAILABLE);
        }
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults()
                .with(settings.alternative().commons())
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .test(t, b);
        double u = r.getStatistic();
        result.test(r.getPValue(), u)
                .effect("rank_biserial", 2 * u / ((double) t.length * b.length) - 1)
                .put("method", exact ? "exact" : "asymptotic");
    }

    private static long exactTable(int n1, int n2) {
        long uMax = (long) n1 * n2 / 2 + 1; // Commons tabulates up to min(U1, U2)
        return (n1 + 1L) * (n2 + 1L) * uMax;
    }

    private static boolean hasTies(double[] t, double[] b) {
        double[] all = concat(t, b);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean allEqual(double[] t, double[] b) {
        double[] all = concat(t, b);
        return Arrays.stream(all).allMatch(v -> v == all[0]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
