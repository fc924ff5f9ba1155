package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.CachedStep;

import java.util.Map;
import java.util.Optional;

/**
 * Content-addressed step outputs (SPEC §7), shared by every run and node. The address covers everything a step
 * can see: its type, its resolved params, its input data, the unit's seed, how far the unit's generator has
 * advanced, and the unit's context values.
 */
public interface StepCache {

    /** The content address of a step's output (e.g. a SHA-256 of a canonical encoding). */
    String key(String stepType, Map<String, Object> params, Object input, Long seed, long draws, Map<String, Object> context);

    Optional<CachedStep> get(String key);

    /** Keeps an entry; an entry too large for the cache is not kept. Never throws for a full cache. */
    void put(String key, String stepType, CachedStep entry);

    /** No caching: every lookup misses. */
    StepCache NONE = new StepCache() {
        @Override
        public String key(String stepType, Map<String, Object> params, Object input, Long seed, long draws,
                          Map<String, Object> context) {
            return "";
        }

        @Override
        public Optional<CachedStep> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, String stepType, CachedStep entry) {
        }
    };
}
