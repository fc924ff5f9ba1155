package io.crystallize.server.optimization.internal;

import io.crystallize.server.optimization.OptimizationRequest.Dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The params of trial {@code n}, a pure function of the space, the sampler seed and {@code n}: an optimization
 * read back after a restart, or asked again, proposes the same trials.
 */
sealed interface Sampler {

    Map<String, Object> params(int trial);

    static Sampler of(String name, Map<String, Dimension> space, long seed, int gridSize) {
        return switch (name) {
            case "random" -> new RandomSampler(space, seed);
            case "grid" -> new GridSampler(space, gridSize);
            default -> throw new IllegalArgumentException("unsupported sampler '" + name + "'");
        };
    }

    /** Independent uniform draws per key (log-uniform when {@code log}), from a generator seeded per trial. */
    record RandomSampler(Map<String, Dimension> space, long seed) implements Sampler {
        @Override
        public Map<String, Object> params(int trial) {
            // SplittableRandom mixes its seed, so neighbouring trial numbers give unrelated streams.
            SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (trial + 1L)));
            Map<String, Object> params = new LinkedHashMap<>();
            space.forEach((key, d) -> params.put(key, draw(d, random)));
            return params;
        }

        private static Object draw(Dimension d, SplittableRandom random) {
            return switch (d.type()) {
                case "categorical" -> d.choices().get(random.nextInt(d.choices().size()));
                case "int" -> d.logScale()
                        ? (long) Math.floor(Math.exp(random.nextDouble(Math.log(d.low()), Math.log(d.high() + 1))))
                        : random.nextLong(d.low().longValue(), d.high().longValue() + 1);
                default -> d.logScale() ? Math.exp(random.nextDouble(Math.log(d.low()), Math.log(d.high())))
                        : d.low() + random.nextDouble() * (d.high() - d.low());
            };
        }
    }

    /**
     * The cartesian product of the keys' points, in order (the last key varies fastest): every choice of a
     * categorical, every integer of a small int range, else {@code gridSize} evenly spaced points (log-spaced
     * when {@code log}). Trials past the product's size wrap around.
     */
    record GridSampler(Map<String, Dimension> space, int gridSize) implements Sampler {
        @Override
        public Map<String, Object> params(int trial) {
            List<String> keys = new ArrayList<>(space.keySet());
            List<List<Object>> axes = keys.stream().map(k -> points(space.get(k))).toList();
            int size = axes.stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
            int index = Math.floorMod(trial, size);
            Map<String, Object> params = new LinkedHashMap<>();
            Object[] values = new Object[keys.size()];
            for (int i = keys.size() - 1; i >= 0; i--) {
                List<Object> axis = axes.get(i);
                values[i] = axis.get(index % axis.size());
                index /= axis.size();
            }
            for (int i = 0; i < keys.size(); i++) {
                params.put(keys.get(i), values[i]);
            }
            return params;
        }

        List<Object> points(Dimension d) {
            if (d.type().equals("categorical")) {
                return List.copyOf(d.choices());
            }
            List<Object> points = new ArrayList<>();
            if (d.type().equals("int") && d.high() - d.low() + 1 <= gridSize) {
                for (long v = d.low().longValue(); v <= d.high().longValue(); v++) {
                    points.add(v);
                }
                return points;
            }
            for (int i = 0; i < gridSize; i++) {
                double f = gridSize == 1 ? 0 : (double) i / (gridSize - 1);
                double v = d.logScale() ? Math.exp(Math.log(d.low()) + f * (Math.log(d.high()) - Math.log(d.low())))
                        : d.low() + f * (d.high() - d.low());
                points.add(d.type().equals("int") ? (Object) Math.round(v) : (Object) v);
            }
            return points;
        }
    }
}
