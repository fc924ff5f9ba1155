package io.crystallize.server.analysis;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Observation;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;

import java.util.List;
import java.util.Map;

/**
 * The shared frame of the built-in verifiers: reads the params, describes both arms, adds the integrity
 * flags, refuses non-finite data, then lets the test fill in its numbers. A {@link VerificationException}
 * from any step becomes the result's {@code error}, so one bad hypothesis never aborts a run's analysis.
 */
abstract class TwoSampleVerifier implements Verifier {

    @Override
    public List<ParamSpec> params() {
        return TestSettings.SPECS;
    }

    /** The common keys, the ones the evaluator adds for corrections, and {@link #extraOutputs()}. */
    @Override
    public final java.util.Optional<java.util.Set<String>> outputs() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(VerifierResult.KEYS);
        keys.addAll(List.of("error", "p_adjusted", "significant_adjusted", "correction"));
        keys.addAll(extraOutputs());
        return java.util.Optional.of(java.util.Collections.unmodifiableSet(keys));
    }

    /** Keys this test adds to the common ones. */
    List<String> extraOutputs() {
        return List.of();
    }

    @Override
    public final Map<String, Object> verify(Map<String, List<Observation>> baseline,
                                            Map<String, List<Observation>> treatment,
                                            Params params, VerificationContext context) {
        VerifierResult result = new VerifierResult();
        Params resolved = params == null ? Params.of(Map.of()) : params;
        try {
            TestSettings settings = TestSettings.from(resolved);
            result.settings(settings);
            Arms arms = Arms.of(baseline, treatment);
            double[] b = arms.baseline();
            double[] t = arms.treatment();
            result.describe(b.length, t.length, Descriptives.mean(b), Descriptives.mean(t));
            result.flags(IntegrityFlags.of(b, t, context));
            arms.requireFinite();
            compute(arms, settings, resolved, context, result);
        } catch (VerificationException e) {
            result.error(e.getMessage());
        }
        return result.toMap();
    }

    /** Runs the test on finite data and records p-value, statistic, effect size and interval on {@code result}. */
    abstract void compute(Arms arms, TestSettings settings, Params params, VerificationContext context,
                          VerifierResult result);

    static void requireAtLeast(int min, double[] baseline, double[] treatment) {
        if (baseline.length < min || treatment.length < min) {
            throw new VerificationException("needs at least " + min + " value" + (min == 1 ? "" : "s")
                    + " per arm; got " + baseline.length + " baseline and " + treatment.length + " treatment");
        }
    }
}
