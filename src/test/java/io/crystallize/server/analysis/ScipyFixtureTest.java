package io.crystallize.server.analysis;

import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every verifier against scipy on the fixture datasets, for all three alternatives: p-values to a relative
 * 1e-9 (1e-7 for asymptotic Mann-Whitney), statistics, effect sizes and interval bounds to 1e-9.
 */
class ScipyFixtureTest {

    private static final Map<String, Verifier> VERIFIERS = Map.of(
            "welch_t_test", new WelchTTestVerifier(),
            "t_test", new StudentTTestVerifier(),
            "paired_t_test", new PairedTTestVerifier(),
            "mann_whitney_u", new MannWhitneyUVerifier(),
            "two_proportion_z_test", new TwoProportionZTestVerifier(),
            "permutation_test", new PermutationTestVerifier());

    /**
     * On ill-conditioned data (a large offset, a tiny spread) rounding the means costs ~1e-6 of the difference
     * in any double implementation, scipy's included: there both are held to exact arithmetic at this level.
     */
    private static final double ILL_CONDITIONED = 1e-5;

    static Stream<Arguments> cases() {
        return Fixtures.verifierCases().stream().flatMap(c -> c.expected().entrySet().stream()
                .filter(e -> VERIFIERS.containsKey(e.getKey()))
                .flatMap(e -> e.getValue().entrySet().stream()
                        .map(a -> Arguments.of(c, e.getKey(), a.getKey(), a.getValue()))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesScipy(Fixtures.Case c, String type, String alternative, Fixtures.Expected expected) {
        int n = Math.max(c.baseline().size(), c.treatment().size());
        VerificationContext ctx = new VerificationContext(7L, "h", "t",
                new ArmStats("baseline", n, n, 0, 0), new ArmStats("t", n, n, 0, 0));
        Map<String, Object> out = VERIFIERS.get(type).verify(c.baselineMetric(), c.treatmentMetric(),
                Params.of(Map.of("alpha", c.alpha(), "alternative", alternative)), ctx);

        assertThat(out).as("%s", out).doesNotContainKey("error");
        double tolerance = c.illConditioned() ? ILL_CONDITIONED : 1e-9;
        double pTolerance = "asymptotic".equals(expected.method()) ? Math.max(1e-7, tolerance) : tolerance;
        close(out, "p_value", expected.pValue(), pTolerance);
        close(out, "statistic", expected.statistic(), tolerance);
        close(out, "statistic", expected.exactStatistic(), tolerance);
        close(out, "effect_size", expected.effectSize(), tolerance);
        close(out, "df", expected.df(), tolerance);
        if (expected.method() == null && expected.exact() == null) { // the tests with an interval
            bound(out, "ci_low", expected.ciLow(), tolerance);
            bound(out, "ci_high", expected.ciHigh(), tolerance);
        }
        if (expected.exact() != null) {
            assertThat(out.get("exact")).isEqualTo(expected.exact());
        }
        if (expected.nPairs() != null) {
            assertThat(out.get("n_pairs")).isEqualTo(expected.nPairs());
        }
        if (expected.method() != null) {
            assertThat(out.get("method")).isEqualTo(expected.method());
        }
        assertThat(out.get("significant")).isEqualTo(expected.pValue() < c.alpha());
        assertThat(out.get("alternative")).isEqualTo(alternative);
    }

    private static void close(Map<String, Object> out, String key, Double expected, double relative) {
        if (expected == null) {
            return;
        }
        assertThat(out.get(key)).as(key).isInstanceOf(Double.class);
        double actual = (Double) out.get(key);
        assertThat(actual).as("%s (scipy %s)", key, expected)
                .isCloseTo(expected, within(relative * Math.max(Math.abs(expected), Double.MIN_NORMAL)));
    }

    private static void bound(Map<String, Object> out, String key, Double expected, double relative) {
        if (expected == null) {
            assertThat(out.get(key)).as(key + " (infinite)").isNull();
        } else {
            close(out, key, expected, relative);
        }
    }
}
