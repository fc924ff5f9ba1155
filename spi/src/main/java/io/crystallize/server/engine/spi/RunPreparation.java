package io.crystallize.server.engine.spi;

/**
 * What a run records before it starts, decided by its plugins' factories ({@link PluginFactory#prepare}): the
 * base seed (the seed plugin) and the artifact version (the artifacts plugin). The run keeps both, so a run
 * executed again after a crash, or on another node, uses the same.
 */
public interface RunPreparation {

    /** The base seed decided so far: a resumed run starts with its predecessor's; null when none yet. */
    Long baseSeed();

    void baseSeed(long seed);

    /** The highest artifact version the experiment's runs have used so far, −1 when none. */
    int latestVersion();

    /** The run's artifact version (0 unless a plugin decides otherwise). */
    void version(int version);
}
