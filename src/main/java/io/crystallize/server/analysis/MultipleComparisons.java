package io.crystallize.server.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Adjusts p-values for multiple comparisons (several treatments or metrics tested at once), textbook
 * definitions:
 * <ul>
 * <li>{@code none}: unchanged;</li>
 * <li>{@code bonferroni}: {@code min(1, m p)};</li>
 * <li>{@code holm}: step-down, {@code max_{j<=i} min(1, (m - j + 1) p_(j))} over ascending p;</li>
 * <li>{@code bh}: Benjamini-Hochberg step-up (false discovery rate),
 *     {@code min_{j>=i} min(1, m p_(j) / j)}.</li>
 * </ul>
 * Adjusted values are capped at 1 and monotone in the raw ones. Null entries (tests without a p-value)
 * stay null and do not count in {@code m}. The result keeps the input order.
 */
public final class MultipleComparisons {

    public static final List<String> METHODS = List.of("none", "bonferroni", "holm", "bh");

    private MultipleComparisons() {
    }

    /**
     * @throws IllegalArgumentException for an unknown method or a p-value outside [0, 1] (NaN included)
     */
    public static List<Double> adjust(List<Double> pValues, String method) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown adjustment '" + method + "'; use one of " + METHODS);
        }
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < pValues.size(); i++) {
            Double p = pValues.get(i);
            if (p != null) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("p-value " + i + " is not in [0, 1]: " + p);
                }
                present.add(i);
            }
        }
        // Ascending p, ties in input order: the order the step-wise definitions walk.
        present.sort(Comparator.comparingDouble(pValues::get));
        int m = present.size();
        Double[] out = new Double[pValues.size()];
        double running = method.equals("bh") ? 1.0 : 0.0;
        for (int step = 0; step < m; step++) {
            // BH walks from the largest p down; the others from the smallest up.
            int rank = method.equals("bh") ? m - 1 - step : step;
            int index = present.get(rank);
            double p = pValues.get(index);
            double adjusted = switch (method) {
                case "bonferroni" -> Math.min(1.0, m * p);
                case "holm" -> running = Math.max(running, Math.min(1.0, (m - rank) * p));
                case "bh" -> running = Math.min(running, Math.min(1.0, m * p / (rank + 1)));
                default -> p;
            };
            out[index] = adjusted;
        }
        return Arrays.asList(out);
    }
}
