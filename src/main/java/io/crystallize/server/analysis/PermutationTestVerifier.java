package io.crystallize.server.analysis;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code permutation_test}: permutation test of the difference of means (treatment minus baseline), as
 * scipy's {@code permutation_test((treatment, baseline), mean_diff, permutation_type='independent')}. When
 * the number of distinct splits {@code C(n, n_treatment)} is at most {@code iterations}, every split is
 * enumerated and the p-value is exact ({@code exact = true}, equal to scipy's); otherwise {@code iterations}
 * random splits are drawn from the seeded generator and {@code p = (count + 1) / (iterations + 1)}
 * (Phipson and Smyth), so it is never 0. Two-sided is twice the smaller one-sided p, capped at 1; values
 * within 100 ulps-relative of the observed statistic count as equal, as scipy does. Effect size: Hedges' g;
 * no interval ({@code ci_low/ci_high} null). Needs one value per arm.
 */
public final class PermutationTestVerifier extends TwoSampleVerifier {

    @Override
    List<String> extraOutputs() {
        return List.of("permutations", "seed", "exact", "iterations");
    }


    /** scipy's relative tolerance for "equal to the observed statistic": 100 machine epsilons. */
    private static final double RELATIVE_TIE = 100 * Math.ulp(1.0);

    @Override
    public String type() {
        return "permutation_test";
    }

    @Override
    public String description() {
        return "Permutation test of the difference of means (exact for small samples), seeded from the run";
    }

    @Override
    public List<ParamSpec> params() {
        return TestSettings.specsWith(Resampling.ITERATIONS);
    }

    @Override
    void compute(Arms arms, TestSettings settings, Params params, VerificationContext context, VerifierResult result) {
        double[] b = arms.baseline();
        double[] t = arms.treatment();
        requireAtLeast(1, b, t);
        int iterations = Resampling.iterations(params);
        double[] pooled = new double[t.length + b.length];
        System.arraycopy(t, 0, pooled, 0, t.length);
        System.arraycopy(b, 0, pooled, t.length, b.length);
        double observed = meanDiff(pooled, t.length);
        double tie = RELATIVE_TIE * Math.abs(observed);
        Counter counter = new Counter(observed - tie, observed + tie);

        boolean exact = Splits.count(pooled.length, t.length) <= iterations;
        double pGreater;
        double pLess;
        if (exact) {
            long splits = Splits.enumerate(pooled, t.length, s -> counter.add(s));
            pGreater = (double) counter.atLeast / splits;
            pLess = (double) counter.atMost / splits;
            result.put("permutations", splits);
        } else {
            long seed = Resampling.seed(context, arms.metric());
            RandomGenerator random = Resampling.generator(seed);
            double[] work = pooled.clone();
            for (int i = 0; i < iterations; i++) {
                // A partial Fisher-Yates shuffle: the first n_treatment slots become a uniform random subset.
                for (int j = 0; j < t.length; j++) {
                    int k = j + random.nextInt(work.length - j);
                    double swap = work[j];
                    work[j] = work[k];
                    work[k] = swap;
                }
                counter.add(meanDiff(work, t.length));
            }
            pGreater = (counter.atLeast + 1.0) / (iterations + 1.0);
            pLess = (counter.atMost + 1.0) / (iterations + 1.0);
            result.put("permutations", (long) iterations).put("seed", seed);
        }
        result.test(settings.alternative().combine(pGreater, pLess), observed)
                .effect("hedges_g", Descriptives.hedgesG(t, b))
                .put("exact", exact)
                .put("iterations", iterations);
    }

    /** Mean of the first {@code nTreatment} values minus the mean of the rest, summed plainly in both. */
    static double meanDiff(double[] values, int nTreatment) {
        double st = 0;
        double sb = 0;
        for (int i = 0; i < values.length; i++) {
            if (i < nTreatment) {
                st += values[i];
            } else {
                sb += values[i];
            }
        }
        return st / nTreatment - sb / (values.length - nTreatment);
    }

    /** Counts permuted statistics at least / at most the observed one (within the tie tolerance). */
    private static final class Counter {
        private final double lower;
        private final double upper;
        long atLeast;
        long atMost;

        Counter(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        void add(double statistic) {
            if (statistic >= lower) {
                atLeast++;
            }
            if (statistic <= upper) {
                atMost++;
            }
        }
    }
}
