package io.crystallize.server.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution of one metric in one condition across replicates, as the run page plots it: the five-number
 * summary and mean over <em>all</em> values, plus at most {@code maxPoints} of the values themselves for the strip
 * plot (every k-th value in replicate order, so the sample is deterministic and spread over the whole run).
 * Quartiles interpolate linearly between order statistics (numpy's default), so they match what a user computes.
 */
record MetricSummary(int n, double min, double q1, double median, double q3, double max, double mean,
                     List<Double> sample) {

    static MetricSummary of(List<? extends Number> values, int maxPoints) {
        double[] finite = values.stream().filter(v -> v != null && Double.isFinite(v.doubleValue()))
                .mapToDouble(Number::doubleValue).toArray();
        if (finite.length == 0) {
            return new MetricSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<Double> sample = sample(finite, maxPoints);
        double sum = 0;
        for (double v : finite) {
            sum += v;
        }
        double[] sorted = finite.clone();
        Arrays.sort(sorted);
        return new MetricSummary(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted[sorted.length - 1], sum / sorted.length, sample);
    }

    private static List<Double> sample(double[] values, int maxPoints) {
        int step = Math.max(1, (int) Math.ceil(values.length / (double) Math.max(1, maxPoints)));
        List<Double> sample = new ArrayList<>(Math.min(values.length, maxPoints));
        for (int i = 0; i < values.length; i += step) {
            sample.add(values[i]);
        }
        return sample;
    }

    /** The p-quantile of sorted values, linear between the closest ranks. */
    static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
