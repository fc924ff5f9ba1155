package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.Observation;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static io.crystallize.server.analysis.Data.arm;
import static io.crystallize.server.analysis.Data.context;
import static io.crystallize.server.analysis.Data.defaults;
import static org.assertj.core.api.Assertions.assertThat;

/** Data on which a test is undefined gives a result with an {@code error}, never an exception. */
class EdgeCaseTest {

    static final List<Verifier> ALL = Data.ALL;

    private static Map<String, Object> run(Verifier v, double[] baseline, double[] treatment) {
        return v.verify(arm(baseline), arm(treatment), defaults(v), context(Math.max(baseline.length, treatment.length)));
    }

    private static void assertUndefined(Map<String, Object> out, String reason) {
        assertThat(out.get("error")).asString().contains(reason);
        assertThat(out).containsEntry("p_value", null).containsEntry("statistic", null)
                .containsEntry("significant", false);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void nonFiniteValuesAreAnErrorNamingTheArmAndReplicate(Verifier v) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Map<String, Object> out = run(v, new double[] {0, 1, 0, 1}, new double[] {1, 0, bad, 1});

            assertUndefined(out, "non-finite value");
            assertThat(out.get("error")).asString().contains("treatment arm, replicate 2");
            assertThat(out).containsEntry("n_treatment", 4).containsEntry("mean_treatment", null);
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void anEmptyArmIsAnError(Verifier v) {
        assertUndefined(run(v, new double[0], new double[] {1, 0, 1}), "at least");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void badParamsAreAnError(Verifier v) {
        Map<String, List<Observation>> m = arm(0, 1, 1, 0, 1);
        assertUndefined(v.verify(m, m, defaults(v, "alpha", 1.5), context(5)), "alpha must be in (0, 1)");
        assertUndefined(v.verify(m, m, defaults(v, "alternative", "bigger"), context(5)), "two-sided, greater, less");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void aGroupOfSeveralMetricsIsAnError(Verifier v) {
        Map<String, List<Observation>> two = Map.of("a", List.of(new Observation(0, 1)), "b", List.of());
        assertUndefined(v.verify(two, two, defaults(v), context(1)), "exactly one metric");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyResultKeepsTheCommonShapeAndReportsBothArms(Verifier v) {
        Map<String, Object> out = run(v, new double[] {0, 1, 1, 0}, new double[] {1, 1, 0, 1, 1});

        assertThat(out).containsKeys("p_value", "statistic", "significant", "n_baseline", "n_treatment",
                "mean_baseline", "mean_treatment", "diff", "relative_diff", "effect_size", "effect_size_kind",
                "ci_low", "ci_high", "alternative", "alpha", "flags");
        assertThat(out).containsEntry("n_baseline", 4).containsEntry("n_treatment", 5)
                .containsEntry("alternative", "two-sided").containsEntry("alpha", 0.05);
        // The paired test describes the four pairs it used (replicate 4 has no baseline partner).
        double meanTreatment = v instanceof PairedTTestVerifier ? 0.75 : 0.8;
        assertThat(out).containsEntry("mean_baseline", 0.5).containsEntry("mean_treatment", meanTreatment);
        assertThat((Double) out.get("diff")).isCloseTo(meanTreatment - 0.5, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(out.get("flags")).asList().contains(IntegrityFlags.LOW_N);
    }

    @Test
    void tTestsNeedTwoValuesPerArm() {
        for (Verifier v : List.of(new WelchTTestVerifier(), new StudentTTestVerifier(), new BootstrapMeanDiffVerifier())) {
            assertUndefined(run(v, new double[] {1.0}, new double[] {2, 3, 4}), "at least 2 values per arm");
        }
        assertUndefined(run(new PairedTTestVerifier(), new double[] {1.0}, new double[] {2, 3, 4}), "at least 2 pairs");
    }

    @Test
    void bothArmsWithoutVarianceIsAnErrorButOneIsOnlyAFlag() {
        double[] constant = {5, 5, 5, 5};
        for (Verifier v : List.of(new WelchTTestVerifier(), new StudentTTestVerifier(), new BootstrapMeanDiffVerifier())) {
            Map<String, Object> out = run(v, constant, new double[] {7, 7, 7});
            assertUndefined(out, "zero variance");
            assertThat(out.get("flags")).asList().contains(IntegrityFlags.ZERO_VARIANCE);
        }
        Map<String, Object> welch = run(new WelchTTestVerifier(), constant, new double[] {6, 7, 8});
        assertThat(welch).doesNotContainKey("error");
        assertThat((Double) welch.get("p_value")).isBetween(0.0, 0.1);
        assertThat(welch.get("flags")).asList().contains(IntegrityFlags.ZERO_VARIANCE);
    }

    @Test
    void pairedDifferencesWithoutVarianceAreAnError() {
        assertUndefined(run(new PairedTTestVerifier(), new double[] {1, 2, 3}, new double[] {2, 3, 4}),
                "paired differences have zero variance");
    }

    @Test
    void allTiesAreAnErrorForRankTestsAndPermutationsSayNothing() {
        double[] ties = {3, 3, 3, 3};
        assertUndefined(run(new MannWhitneyUVerifier(), ties, ties), "all values are tied");
        Map<String, Object> permutation = run(new PermutationTestVerifier(), ties, ties);
        assertThat(permutation).containsEntry("p_value", 1.0).containsEntry("statistic", 0.0);
    }

    @Test
    void proportionsNeedZeroOneDataThatIsNotAllTheSame() {
        Verifier z = new TwoProportionZTestVerifier();
        assertUndefined(run(z, new double[] {0, 1, 2}, new double[] {1, 0}), "needs 0/1 values; the baseline arm has 2.0");
        assertUndefined(run(z, new double[] {0, 0, 0}, new double[] {0, 0}), "every value in both arms is 0");
        assertUndefined(run(z, new double[] {1, 1}, new double[] {1, 1, 1}), "every value in both arms is 1");
    }

    @Test
    void mannWhitneyWorksWithOneValuePerArm() {
        Map<String, Object> out = run(new MannWhitneyUVerifier(), new double[] {1}, new double[] {2});

        assertThat(out).containsEntry("statistic", 1.0).containsEntry("p_value", 1.0)
                .containsEntry("method", "exact").containsEntry("effect_size", 1.0);
    }

    @Test
    void relativeDiffIsNullWhenTheBaselineMeanIsZero() {
        Map<String, Object> out = run(new WelchTTestVerifier(), new double[] {-1, 1, 0}, new double[] {1, 2, 3});

        assertThat(out).containsEntry("mean_baseline", 0.0).containsEntry("relative_diff", null)
                .containsEntry("diff", 2.0);
        Map<String, Object> negative = run(new WelchTTestVerifier(), new double[] {-1, -3}, new double[] {1, 2});
        assertThat(negative).containsEntry("relative_diff", 3.5 / 2); // divided by |mean_baseline|
    }

    @Test
    void pairingUsesCommonReplicatesAndOrderWithinAReplicate() {
        Map<String, List<Observation>> baseline = Map.of("m", List.of(new Observation(0, 1), new Observation(0, 2),
                new Observation(1, 4), new Observation(2, 5), new Observation(3, 9)));
        Map<String, List<Observation>> treatment = Map.of("m", List.of(new Observation(0, 2), new Observation(1, 6),
                new Observation(1, 7), new Observation(2, 5.5), new Observation(4, 1)));
        Verifier v = new PairedTTestVerifier();

        Map<String, Object> out = v.verify(baseline, treatment, defaults(v), context(5));

        // pairs (1, 2), (4, 6), (5, 5.5): differences 1, 2, 0.5
        assertThat(out).containsEntry("n_pairs", 3).containsEntry("n_baseline", 5).containsEntry("n_treatment", 5)
                .containsEntry("mean_baseline", 10.0 / 3).containsEntry("mean_treatment", 13.5 / 3);
        assertThat(out.get("flags")).asList().contains(PairedTTestVerifier.UNPAIRED_VALUES, IntegrityFlags.LOW_N);
        assertThat((Double) out.get("effect_size")).isCloseTo(3.5 / 3 / Math.sqrt(0.5833333333333333),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
