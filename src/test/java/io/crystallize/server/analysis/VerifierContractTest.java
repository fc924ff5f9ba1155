package io.crystallize.server.analysis;

import io.crystallize.server.catalog.internal.VerifierConfiguration;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.context.annotation.Bean;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.analysis.Data.arm;
import static io.crystallize.server.analysis.Data.defaults;
import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog and the API rely on: names, params, bean registration, JSON-shaped outputs. */
class VerifierContractTest {

    static final List<Verifier> ALL = Data.ALL;

    @Test
    void theConfigurationRegistersEachVerifierOnceUnderItsType() throws Exception {
        VerifierConfiguration configuration = new VerifierConfiguration();
        List<String> types = new ArrayList<>();
        for (Method m : VerifierConfiguration.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Bean.class)) {
                assertThat(m.getReturnType()).isEqualTo(Verifier.class);
                m.setAccessible(true);
                types.add(((Verifier) m.invoke(configuration)).type());
            }
        }
        assertThat(types).containsExactlyInAnyOrder("welch_t_test", "t_test", "paired_t_test", "mann_whitney_u",
                "bootstrap_mean_diff", "permutation_test", "two_proportion_z_test");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void describesItselfWithOptionalParamsOnly(Verifier v) {
        assertThat(v.description()).isNotBlank();
        assertThat(v.maxMetricsPerGroup()).isEqualTo(1);
        assertThat(v.params()).extracting(ParamSpec::name).startsWith("alpha", "alternative");
        assertThat(v.params()).noneMatch(ParamSpec::required)
                .allMatch(p -> p.accepts(p.defaultValue()));
        boolean resampling = v instanceof BootstrapMeanDiffVerifier || v instanceof PermutationTestVerifier;
        assertThat(v.params().stream().anyMatch(p -> p.name().equals("iterations"))).isEqualTo(resampling);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void outputsOnlyJsonValues(Verifier v) {
        Map<String, Object> ok = v.verify(arm(0, 1, 1, 0, 1, 1), arm(1, 1, 0, 1, 1, 1, 1), defaults(v), Data.context(7));
        Map<String, Object> failed = v.verify(arm(), arm(1), defaults(v), Data.context(7));

        for (Map<String, Object> out : List.of(ok, failed)) {
            out.forEach((key, value) -> assertThat(isJson(value)).as("%s=%s", key, value).isTrue());
            assertThat(Fixtures.JSON.writeValueAsString(out)).doesNotContain("NaN", "Infinity");
        }
        assertThat(ok).doesNotContainKey("error");
        assertThat(ok.get("effect_size_kind")).isIn("hedges_g", "cohens_dz", "rank_biserial", "cohens_h");
    }

    private static boolean isJson(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(VerifierContractTest::isJson);
        }
        return value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long;
    }

    @Test
    void exactMannWhitneyFallsBackWhenItsTableWouldNotFitInMemory() {
        double[] large = new double[6000];
        Arrays.setAll(large, i -> i + 0.5);
        Verifier v = new MannWhitneyUVerifier();

        Map<String, Object> out = v.verify(arm(1, 2), arm(large), defaults(v), Data.context(6000));

        assertThat(out).containsEntry("method", "asymptotic");
        assertThat(out.get("flags")).asList().contains(MannWhitneyUVerifier.EXACT_UNAVAILABLE);
        assertThat((Double) out.get("p_value")).isBetween(0.0, 0.1);
    }

    @Test
    void largeSamplesAreVerifiedWithoutError() {
        double[] b = Data.normal(1, 100_000, 0, 1);
        double[] t = Data.normal(2, 100_000, 0.01, 1);
        for (Verifier v : List.of(new WelchTTestVerifier(), new MannWhitneyUVerifier(), new PairedTTestVerifier())) {
            assertThat(v.verify(arm(b), arm(t), defaults(v), Data.context(100_000))).as(v.type())
                    .doesNotContainKey("error").containsKey("p_value");
        }
    }
}
