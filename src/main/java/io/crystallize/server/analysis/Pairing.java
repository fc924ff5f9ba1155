package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs baseline and treatment observations for a paired test: by replicate (the seed plugin gives both arms
 * of a replicate the same seed, so they share their randomness), then by order within the replicate when a
 * metric was recorded several times per unit. Replicates missing from either arm, and the surplus
 * observations of a replicate recorded more often in one arm, have no partner and are left out.
 */
record Pairing(double[] baseline, double[] treatment) {

    static Pairing of(List<Observation> baseline, List<Observation> treatment) {
        Map<Integer, List<Double>> b = byReplicate(baseline);
        Map<Integer, List<Double>> t = byReplicate(treatment);
        List<Double> pb = new ArrayList<>();
        List<Double> pt = new ArrayList<>();
        b.forEach((replicate, bv) -> {
            List<Double> tv = t.get(replicate);
            if (tv != null) {
                int k = Math.min(bv.size(), tv.size());
                pb.addAll(bv.subList(0, k));
                pt.addAll(tv.subList(0, k));
            }
        });
        return new Pairing(toArray(pb), toArray(pt));
    }

    int size() {
        return baseline.length;
    }

    /** Treatment minus baseline, pair by pair. */
    double[] differences() {
        double[] d = new double[baseline.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = treatment[i] - baseline[i];
        }
        return d;
    }

    private static Map<Integer, List<Double>> byReplicate(List<Observation> observations) {
        Map<Integer, List<Double>> out = new TreeMap<>(); // ascending replicates: a stable, documented order
        for (Observation o : observations) {
            out.computeIfAbsent(o.replicate(), r -> new ArrayList<>()).add(o.value());
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
