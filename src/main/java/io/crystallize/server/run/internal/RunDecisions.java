package io.crystallize.server.run.internal;

import io.crystallize.server.engine.spi.RunPreparation;

import java.util.function.IntSupplier;

/** What a new run's plugins decide before it is stored (see {@link RunPlugins#prepare}). */
final class RunDecisions implements RunPreparation {

    private Long baseSeed;
    private int version;
    private final IntSupplier latestVersion;

    RunDecisions(Long baseSeed, IntSupplier latestVersion) {
        this.baseSeed = baseSeed;
        this.latestVersion = latestVersion;
    }

    @Override
    public Long baseSeed() {
        return baseSeed;
    }

    @Override
    public void baseSeed(long seed) {
        this.baseSeed = seed;
    }

    /** Read only when a plugin asks: most runs are not versioned. */
    @Override
    public int latestVersion() {
        return latestVersion.getAsInt();
    }

    @Override
    public void version(int version) {
        this.version = version;
    }

    int version() {
        return version;
    }
}
