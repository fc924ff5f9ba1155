package io.crystallize.server.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** p-value adjustment against the textbook numpy implementation in {@code make_fixtures.py}. */
class MultipleComparisonsTest {

    static Stream<Arguments> cases() {
        return Fixtures.adjustmentCases().stream().flatMap(c -> c.expected().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), c.pValues(), e.getValue())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void matchesTextbookDefinitions(String method, List<Double> raw, List<Double> expected) {
        List<Double> adjusted = MultipleComparisons.adjust(raw, method);

        assertThat(adjusted).hasSameSizeAs(expected);
        for (int i = 0; i < raw.size(); i++) {
            assertThat(adjusted.get(i)).as("p[%d]", i).isCloseTo(expected.get(i), within(1e-12))
                    .isBetween(raw.get(i), 1.0); // never below the raw p, never above 1
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void preservesTheOrderOfTheRawPValues(String method, List<Double> raw, List<Double> ignored) {
        List<Double> adjusted = MultipleComparisons.adjust(raw, method);

        for (int i = 0; i < raw.size(); i++) {
            for (int j = 0; j < raw.size(); j++) {
                if (raw.get(i) < raw.get(j)) {
                    assertThat(adjusted.get(i)).isLessThanOrEqualTo(adjusted.get(j));
                }
            }
        }
    }

    @Test
    void textbookExample() {
        List<Double> p = List.of(0.01, 0.04, 0.03, 0.005);

        assertThat(MultipleComparisons.adjust(p, "bonferroni")).containsExactly(0.04, 0.16, 0.12, 0.02);
        assertThat(MultipleComparisons.adjust(p, "holm")).containsExactly(0.03, 0.06, 0.06, 0.02);
        assertThat(MultipleComparisons.adjust(p, "bh")).containsExactly(0.02, 0.04, 0.04, 0.02);
        assertThat(MultipleComparisons.adjust(p, "none")).isEqualTo(p);
    }

    @Test
    void nullsPassThroughAndDoNotCount() {
        List<Double> adjusted = MultipleComparisons.adjust(Arrays.asList(0.01, null, 0.02), "bonferroni");

        assertThat(adjusted).containsExactly(0.02, null, 0.04);
        assertThat(MultipleComparisons.adjust(List.of(), "holm")).isEmpty();
    }

    @Test
    void rejectsUnknownMethodsAndImpossiblePValues() {
        assertThatThrownBy(() -> MultipleComparisons.adjust(List.of(0.1), "fdr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bh");
        assertThatThrownBy(() -> MultipleComparisons.adjust(List.of(1.5), "holm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> MultipleComparisons.adjust(List.of(Double.NaN), "bh"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
