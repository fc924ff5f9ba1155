package io.crystallize.server.analysis;

import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.Observation;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builders for verifier inputs in tests. */
final class Data {

    static final List<Verifier> ALL = List.of(new WelchTTestVerifier(), new StudentTTestVerifier(),
            new PairedTTestVerifier(), new MannWhitneyUVerifier(), new BootstrapMeanDiffVerifier(),
            new PermutationTestVerifier(), new TwoProportionZTestVerifier());

    private Data() {
    }

    /** One metric {@code m}, one value per replicate 0, 1, 2, ... */
    static Map<String, List<Observation>> arm(double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(i, values[i]));
        }
        return Map.of("m", out);
    }

    /** Every planned unit completed in both arms. */
    static VerificationContext context(int units) {
        return context(new ArmStats("baseline", units, units, 0, 0), new ArmStats("t", units, units, 0, 0));
    }

    static VerificationContext context(ArmStats baseline, ArmStats treatment) {
        return new VerificationContext(20240611L, "h", "t", baseline, treatment);
    }

    static Params params(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.of(map);
    }

    /** The params as the engine would resolve them: every default filled in, then the overrides. */
    static Params defaults(Verifier verifier, Object... overrides) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        verifier.params().forEach(p -> map.put(p.name(), p.defaultValue()));
        map.putAll(params(overrides).asMap());
        return Params.of(map);
    }

    static double[] normal(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: a fixed, dependency-free normal sample for deterministic tests.
            x[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble());
        }
        return x;
    }
}
