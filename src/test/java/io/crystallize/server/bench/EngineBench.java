package io.crystallize.server.bench;

import io.crystallize.server.catalog.Catalog;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Bench command (not a test): units per second of the engine alone (the API.md example through
 * {@code ExperimentEngine}, no HTTP, database or artifacts), serial and parallel(2), next to the same arithmetic
 * written as one plain Java loop (50 draws of N(0,1) from a seeded generator, + delta, mean/sum/sd/min/max):
 * the ratio is what the engine's model (context, hooks, params, metrics) costs over the computation itself.
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.crystallize.server.bench.EngineBench -Dexec.args="100000 3"
 * </pre>
 * Arguments: replicates per measurement (default 100,000); repetitions (default 3).
 */
public final class EngineBench {

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (BenchServer server = BenchServer.start("h2")) {
            Catalog catalog = server.context.getBean(Catalog.class);
            for (int i = 0; i < 3; i++) {
                EndToEndBench.engine(catalog, replicates, false);
                EndToEndBench.engine(catalog, replicates, true);
                plainLoop(replicates);
            }
            System.out.printf("Java %s, %d cores, %d replicates (x2 conditions)%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), replicates);
            System.out.printf("%-22s %14s %12s%n", "", "units/s", "vs loop");
            for (int r = 0; r < repetitions; r++) {
                double loop = plainLoop(replicates);
                double serial = EndToEndBench.engine(catalog, replicates, false);
                double parallel = EndToEndBench.engine(catalog, replicates, true);
                System.out.printf("%-22s %14.0f %11.2fx%n", "plain Java loop", loop, 1.0);
                System.out.printf("%-22s %14.0f %11.2fx%n", "engine serial", serial, serial / loop);
                System.out.printf("%-22s %14.0f %11.2fx%n", "engine parallel(2)", parallel, parallel / loop);
            }
        }
    }

    /** The example's arithmetic with nothing around it; the returned figure is units (of 50 draws) per second. */
    static double plainLoop(int replicates) {
        RandomGeneratorFactory<RandomGenerator> factory = RandomGeneratorFactory.of("L64X128MixRandom");
        double sink = 0;
        long start = System.nanoTime();
        for (int unit = 0; unit < replicates * 2; unit++) {
            RandomGenerator random = factory.create(unit);
            double delta = unit % 2 == 0 ? 0 : 10;
            double sum = 0;
            double sumSq = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 50; i++) {
                double v = random.nextGaussian() + delta;
                sum += v;
                sumSq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / 50;
            sink += mean + Math.sqrt((sumSq - 50 * mean * mean) / 49) + min + max;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
        }
        return replicates * 2 / seconds;
    }
}
