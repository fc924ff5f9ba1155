package io.crystallize.server.analysis;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;
import org.apache.commons.statistics.descriptive.Quantile;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code bootstrap_mean_diff}: the difference of means (treatment minus baseline) with a percentile bootstrap.
 * Each of {@code iterations} resamples draws each arm with replacement, at its own size, from the seeded
 * generator. The interval is the percentile interval at {@code 1 - alpha} (one-sided for a one-sided
 * alternative; quantiles interpolated as numpy's default, Hyndman-Fan 7). The p-value inverts that interval:
 * for {@code greater} it is {@code (1 + #{diff* <= 0}) / (iterations + 1)}, for {@code less} the mirror, and
 * two-sided twice the smaller, capped at 1 — so {@code significant} agrees with the interval excluding 0 up
 * to the resolution of the resamples. Adds {@code bootstrap_se}. Effect size: Hedges' g. Needs two values per
 * arm and variance in at least one arm (else every resample is the same number).
 */
public final class BootstrapMeanDiffVerifier extends TwoSampleVerifier {

    @Override
    List<String> extraOutputs() {
        return List.of("ci_method", "iterations", "seed");
    }


    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    @Override
    public String type() {
        return "bootstrap_mean_diff";
    }

    @Override
    public String description() {
        return "Bootstrap of the difference of means with a percentile interval, seeded from the run";
    }

    @Override
    public List<ParamSpec> params() {
        return TestSettings.specsWith(Resampling.ITERATIONS);
    }

    @Override
    void compute(Arms arms, TestSettings settings, Params params, VerificationContext context, VerifierResult result) {
        double[] b = arms.baseline();
        double[] t = arms.treatment();
        requireAtLeast(2, b, t);
        if (Descriptives.zeroVariance(b) && Descriptives.zeroVariance(t)) {
            throw new VerificationException("both arms have zero variance: every bootstrap resample is identical");
        }
        int iterations = Resampling.iterations(params);
        long seed = Resampling.seed(context, arms.metric());
        RandomGenerator random = Resampling.generator(seed);
        double[] diffs = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            diffs[i] = resampledMean(t, random) - resampledMean(b, random);
        }
        Arrays.sort(diffs);
        long atMostZero = Arrays.stream(diffs).filter(d -> d <= 0).count();
        long atLeastZero = Arrays.stream(diffs).filter(d -> d >= 0).count();
        double pGreater = (1.0 + atMostZero) / (iterations + 1.0);
        double pLess = (1.0 + atLeastZero) / (iterations + 1.0);

        double alpha = settings.alpha();
        switch (settings.alternative()) {
            case TWO_SIDED -> result.interval(QUANTILE.evaluate(diffs, alpha / 2), QUANTILE.evaluate(diffs, 1 - alpha / 2));
            case GREATER -> result.interval(QUANTILE.evaluate(diffs, alpha), Double.POSITIVE_INFINITY);
            case LESS -> result.interval(Double.NEGATIVE_INFINITY, QUANTILE.evaluate(diffs, 1 - alpha));
        }
        result.test(settings.alternative().combine(pGreater, pLess),
                        Descriptives.mean(t) - Descriptives.mean(b))
                .effect("hedges_g", Descriptives.hedgesG(t, b))
                .number("bootstrap_se", Math.sqrt(Descriptives.variance(diffs)))
                .put("ci_method", "percentile")
                .put("iterations", iterations)
                .put("seed", seed);
    }

    private static double resampledMean(double[] x, RandomGenerator random) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[random.nextInt(x.length)];
        }
        return sum / x.length;
    }
}
