package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static io.crystallize.server.analysis.Data.arm;
import static io.crystallize.server.analysis.Data.defaults;
import static io.crystallize.server.analysis.Data.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bootstrap and the (random) permutation test: reproducible from the run's seed, and sensible. */
class ResamplingVerifierTest {

    static final List<Verifier> RESAMPLING = List.of(new BootstrapMeanDiffVerifier(), new PermutationTestVerifier());

    // 30 + 30 values: C(60, 30) splits, far more than any iterations, so the permutation test draws at random.
    private static final double[] BASELINE = normal(1, 30, 10, 2);
    private static final double[] SAME = normal(2, 30, 10, 2);
    private static final double[] SHIFTED = normal(3, 30, 13, 2);

    private static Map<String, Object> run(Verifier v, double[] b, double[] t, VerificationContext ctx, Object... params) {
        return v.verify(arm(b), arm(t), defaults(v, params), ctx);
    }

    private static VerificationContext context(long seed, String treatment) {
        ArmStats arm = new ArmStats("x", 30, 30, 0, 0);
        return new VerificationContext(seed, "h", treatment, arm, arm);
    }

    @ParameterizedTest
    @FieldSource("RESAMPLING")
    void theSameSeedGivesTheSameResult(Verifier v) {
        Map<String, Object> first = run(v, BASELINE, SAME, context(42, "t"));
        Map<String, Object> again = run(v, BASELINE, SAME, context(42, "t"));

        assertThat(again).isEqualTo(first);
        assertThat(first).containsKey("seed");
        if (v instanceof PermutationTestVerifier) {
            assertThat(first).containsEntry("exact", false);
        }
    }

    @ParameterizedTest
    @FieldSource("RESAMPLING")
    void anotherSeedOrTreatmentDrawsOtherResamples(Verifier v) {
        Map<String, Object> first = run(v, BASELINE, SAME, context(42, "t"));

        assertThat(run(v, BASELINE, SAME, context(43, "t")).get("seed")).isNotEqualTo(first.get("seed"));
        assertThat(run(v, BASELINE, SAME, context(42, "u")).get("seed")).isNotEqualTo(first.get("seed"));
        assertThat(run(v, BASELINE, SAME, context(42, "u")).get("p_value")).isNotEqualTo(first.get("p_value"));
    }

    @ParameterizedTest
    @FieldSource("RESAMPLING")
    void aClearDifferenceGivesTheSmallestPossiblePValue(Verifier v) {
        Map<String, Object> out = run(v, BASELINE, SHIFTED, context(7, "t"));

        // No resample reaches the observed shift: p is (0 + 1) / (iterations + 1), doubled for two-sided.
        assertThat((Double) out.get("p_value")).isEqualTo(2.0 / 10_001);
        assertThat(out).containsEntry("significant", true).containsEntry("iterations", 10_000);
        Map<String, Object> greater = run(v, BASELINE, SHIFTED, context(7, "t"), "alternative", "greater");
        assertThat((Double) greater.get("p_value")).isEqualTo(1.0 / 10_001);
        Map<String, Object> less = run(v, BASELINE, SHIFTED, context(7, "t"), "alternative", "less");
        assertThat((Double) less.get("p_value")).isGreaterThan(0.99);
    }

    @ParameterizedTest
    @FieldSource("RESAMPLING")
    void identicalDistributionsGiveALargePValue(Verifier v) {
        Map<String, Object> out = run(v, BASELINE, SAME, context(7, "t"));
        double welch = (Double) new WelchTTestVerifier().verify(arm(BASELINE), arm(SAME),
                defaults(new WelchTTestVerifier()), context(7, "t")).get("p_value");

        assertThat((Double) out.get("p_value")).isGreaterThan(0.2).isCloseTo(welch, within(0.05));
        assertThat(out).containsEntry("significant", false);
    }

    @ParameterizedTest
    @FieldSource("RESAMPLING")
    void iterationsAreBounded(Verifier v) {
        assertThat(run(v, BASELINE, SAME, context(7, "t"), "iterations", 0).get("error")).asString()
                .contains("iterations must be between 1 and 1000000");
    }

    @Test
    void randomPermutationsApproximateTheExactPValue() {
        double[] b = normal(11, 8, 0, 1);
        double[] t = normal(12, 8, 0.8, 1); // C(16, 8) = 12870 splits
        Verifier v = new PermutationTestVerifier();

        Map<String, Object> exact = run(v, b, t, context(1, "t"), "iterations", 20_000);
        Map<String, Object> sampled = run(v, b, t, context(1, "t"), "iterations", 10_000);

        assertThat(exact).containsEntry("exact", true).containsEntry("permutations", 12_870L);
        assertThat(sampled).containsEntry("exact", false).containsEntry("permutations", 10_000L);
        assertThat((Double) sampled.get("p_value")).isCloseTo((Double) exact.get("p_value"), within(0.02));
    }

    @Test
    void bootstrapIntervalFollowsTheAlternativeAndAgreesWithTheTInterval() {
        Verifier v = new BootstrapMeanDiffVerifier();
        Map<String, Object> boot = run(v, BASELINE, SHIFTED, context(5, "t"));
        Map<String, Object> welch = new WelchTTestVerifier().verify(arm(BASELINE), arm(SHIFTED),
                defaults(new WelchTTestVerifier()), context(5, "t"));

        double diff = (Double) boot.get("diff");
        assertThat((Double) boot.get("statistic")).isEqualTo(diff);
        assertThat((Double) boot.get("ci_low")).isLessThan(diff).isCloseTo((Double) welch.get("ci_low"), within(0.25));
        assertThat((Double) boot.get("ci_high")).isGreaterThan(diff).isCloseTo((Double) welch.get("ci_high"), within(0.25));
        assertThat(boot).containsEntry("ci_method", "percentile");

        Map<String, Object> greater = run(v, BASELINE, SHIFTED, context(5, "t"), "alternative", "greater");
        assertThat(greater.get("ci_high")).isNull();
        assertThat((Double) greater.get("ci_low")).isBetween((Double) boot.get("ci_low"), diff);
        Map<String, Object> less = run(v, BASELINE, SHIFTED, context(5, "t"), "alternative", "less");
        assertThat(less.get("ci_low")).isNull();
    }
}
