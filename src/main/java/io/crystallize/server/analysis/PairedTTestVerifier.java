package io.crystallize.server.analysis;

import java.util.List;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

import static io.crystallize.server.analysis.Descriptives.mean;
import static io.crystallize.server.analysis.Descriptives.variance;

/**
 * {@code paired_t_test}: t test of the mean of treatment-minus-baseline differences, equal to scipy's
 * {@code ttest_rel(treatment, baseline)} on the pairs. Observations pair by replicate, then by order within a
 * replicate, over replicates present in both arms ({@link Pairing}). Adds {@code n_pairs} and {@code df};
 * {@code n_baseline}/{@code n_treatment} count all values received (so {@code LOW_N} and dropped values stay
 * visible, flagged {@code UNPAIRED_VALUES}), while the means, {@code diff} and the interval are over the pairs.
 * Effect size: Cohen's d_z (mean difference over the sd of the differences). Needs two pairs whose
 * differences vary.
 */
public final class PairedTTestVerifier extends TwoSampleVerifier {

    @Override
    List<String> extraOutputs() {
        return List.of("n_pairs");
    }


    /** Some observations had no partner in the other arm and were not used. */
    static final String UNPAIRED_VALUES = "UNPAIRED_VALUES";

    @Override
    public String type() {
        return "paired_t_test";
    }

    @Override
    public String description() {
        return "Paired t test of treatment minus baseline, pairing units by replicate";
    }

    @Override
    void compute(Arms arms, TestSettings settings, Params params, VerificationContext context, VerifierResult result) {
        Pairing pairs = Pairing.of(arms.baselineObservations(), arms.treatmentObservations());
        int n = pairs.size();
        result.put("n_pairs", n);
        result.describe(arms.baselineObservations().size(), arms.treatmentObservations().size(),
                mean(pairs.baseline()), mean(pairs.treatment()));
        if (n < arms.baselineObservations().size() || n < arms.treatmentObservations().size()) {
            result.flag(UNPAIRED_VALUES);
        }
        if (n < IntegrityFlags.LOW_N_THRESHOLD) {
            result.flag(IntegrityFlags.LOW_N); // few pairs even when both arms have many values
        }
        if (n < 2) {
            throw new VerificationException("needs at least 2 pairs (values of the same replicate in both arms); got " + n);
        }
        double[] d = pairs.differences();
        if (Descriptives.zeroVariance(d)) {
            throw new VerificationException("the paired differences have zero variance: the t statistic is undefined");
        }
        TTest.Result r = TTest.withDefaults().with(settings.alternative().commons())
                .pairedTest(pairs.treatment(), pairs.baseline());
        double sd = Math.sqrt(variance(d));
        result.test(r.getPValue(), r.getStatistic())
                .effect("cohens_dz", mean(d) / sd)
                .number("df", r.getDegreesOfFreedom());
        Intervals.pivot(result, mean(d), sd / Math.sqrt(n), TDistribution.of(r.getDegreesOfFreedom()), settings);
    }
}
