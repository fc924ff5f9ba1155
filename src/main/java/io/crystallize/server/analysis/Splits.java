package io.crystallize.server.analysis;

import java.util.function.DoubleConsumer;

/** Exhaustive enumeration of the ways to split a pooled sample into a treatment part and a baseline part. */
final class Splits {

    private Splits() {
    }

    /** {@code C(n, k)}, or {@link Long#MAX_VALUE} when it exceeds a long: then nobody enumerates it. */
    static long count(int n, int k) {
        int r = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= r; i++) {
            long numerator = n - r + i;
            if (c > Long.MAX_VALUE / numerator) {
                return Long.MAX_VALUE;
            }
            c = c * numerator / i; // exact: c * numerator is C(n - r + i, i) * i
        }
        return c;
    }

    /**
     * Calls {@code sink} with {@link PermutationTestVerifier#meanDiff} of every choice of {@code k} of the
     * {@code pooled} values as the treatment part, and returns how many choices there were.
     */
    static long enumerate(double[] pooled, int k, DoubleConsumer sink) {
        int n = pooled.length;
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = i;
        }
        double[] arranged = new double[n];
        long splits = 0;
        while (true) {
            arrange(pooled, chosen, arranged);
            sink.accept(PermutationTestVerifier.meanDiff(arranged, k));
            splits++;
            int i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return splits;
            }
            chosen[i]++;
            for (int j = i + 1; j < k; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    /** The chosen values first (in index order), then the others (in index order). */
    private static void arrange(double[] pooled, int[] chosen, double[] out) {
        int front = 0;
        int back = chosen.length;
        int c = 0;
        for (int i = 0; i < pooled.length; i++) {
            if (c < chosen.length && chosen[c] == i) {
                out[front++] = pooled[i];
                c++;
            } else {
                out[back++] = pooled[i];
            }
        }
    }
}
