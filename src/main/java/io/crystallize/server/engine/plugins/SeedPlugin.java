package io.crystallize.server.engine.plugins;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.security.SecureRandom;

/**
 * Deterministic randomness (SPEC §3). The base seed is the configured one, else the one recorded on the
 * run (drawn before the run started), else one drawn now. A unit's seed is {@code (seed + replicate * 31337) mod 2^32}
 * with autoSeed, else {@code seed}: the baseline and every treatment of a replicate share it.
 */
public final class SeedPlugin implements ExperimentPlugin {

    public static final long STRIDE = 31337L;
    public static final long MODULUS = 1L << 32;

    private final Long configuredSeed;
    private final boolean autoSeed;
    private volatile long seed;

    public SeedPlugin(Long seed, boolean autoSeed) {
        this.configuredSeed = seed;
        this.autoSeed = autoSeed;
    }

    /** A base seed uniform on [0, 2^32 − 1], as crystallize draws it. */
    public static long drawSeed() {
        return new SecureRandom().nextLong(MODULUS);
    }

    public static long unitSeed(long seed, int replicate, boolean autoSeed) {
        return autoSeed ? Math.floorMod(Math.floorMod(seed, MODULUS) + replicate * STRIDE, MODULUS) : seed;
    }

    @Override
    public void initHook(Experiment experiment) {
        if (configuredSeed != null) {
            seed = configuredSeed;
        } else if (experiment.baseSeed() != null) {
            seed = experiment.baseSeed();
        } else {
            // Only an engine used on its own gets here: a stored run's seed is drawn before it starts.
            seed = drawSeed();
        }
    }

    @Override
    public void beforeReplicate(Experiment experiment, FrozenContext ctx) {
        long unitSeed = unitSeed(seed, ctx.replicate(), autoSeed);
        ctx.add(ContextKeys.SEED_USED_KEY, unitSeed);
        // The default seed function: seed the unit's own generator, which steps use for all randomness.
        ctx.seedRandom(unitSeed);
    }

    public boolean autoSeed() {
        return autoSeed;
    }

    public long seed() {
        return seed;
    }
}
