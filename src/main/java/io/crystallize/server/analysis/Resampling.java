package io.crystallize.server.analysis;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.VerificationContext;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * What the resampling verifiers share: the {@code iterations} param and a generator whose seed is a pure
 * function of the run's base seed, the hypothesis, the treatment and the metric. So verifying the same run
 * again gives the same numbers, while two treatments (or metrics) never reuse one stream of draws.
 */
final class Resampling {

    static final String ALGORITHM = "L64X128MixRandom";
    static final int DEFAULT_ITERATIONS = 10_000;
    /** Bounds the work one hypothesis can ask for (iterations times sample size). */
    static final int MAX_ITERATIONS = 1_000_000;

    static final ParamSpec ITERATIONS = ParamSpec.optional("iterations", "integer", DEFAULT_ITERATIONS,
            "number of resamples, 1 to " + MAX_ITERATIONS + "; the generator is seeded from the run's base seed")
            .withIntRange(1, MAX_ITERATIONS);

    private Resampling() {
    }

    static int iterations(Params params) {
        long n = params.has("iterations") ? params.getLong("iterations") : DEFAULT_ITERATIONS;
        if (n < 1 || n > MAX_ITERATIONS) {
            throw new VerificationException("iterations must be between 1 and " + MAX_ITERATIONS + "; got " + n);
        }
        return (int) n;
    }

    /**
     * Base seed, then each name folded in with FNV-1a over its UTF-8 bytes and a SplitMix64 finaliser:
     * both are fixed, documented functions, unlike {@code hashCode()} of arbitrary types.
     */
    static long seed(VerificationContext context, String metric) {
        long seed = context == null ? 0L : context.baseSeed();
        seed = mix(seed ^ fnv1a(context == null ? "" : context.hypothesis()));
        seed = mix(seed ^ fnv1a(context == null ? "" : context.treatment()));
        return mix(seed ^ fnv1a(metric));
    }

    static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (s == null ? "" : s).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
