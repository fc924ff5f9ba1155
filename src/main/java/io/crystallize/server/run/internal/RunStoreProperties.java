package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How a run's units are stored ({@code crystallize.run-store.*}): in batches of at most {@code batchSize}
 * units, each stored at the latest {@code batchInterval} after its first unit ended (SPEC §4: a crash loses
 * only the units not yet stored; they run again with the same seeds). {@code queueCapacity} bounds the units
 * waiting for the writer: a run whose database is slower than its engine waits rather than filling the heap.
 * {@code resultsCache} bounds the memory of the stored results documents kept for readers (their gzip bytes; a
 * document over a quarter of it is always read from the database; 0 keeps none).
 */
@ConfigurationProperties("crystallize.run-store")
public record RunStoreProperties(@DefaultValue("2000") int batchSize, @DefaultValue("200ms") Duration batchInterval,
                                 @DefaultValue("8000") int queueCapacity,
                                 @DefaultValue("64MB") DataSize resultsCache) {

    /** The largest batch a row holds. */
    public static final int MAX_BATCH_SIZE = 100_000;

    public RunStoreProperties {
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("crystallize.run-store.batch-size and queue-capacity must be at least 1");
        }
        if (batchSize > MAX_BATCH_SIZE) {
            // A failed unit's row (for the ids of unit-failed events) is its batch's id and its index in it, in 20 bits.
            throw new IllegalArgumentException("crystallize.run-store.batch-size must be at most " + MAX_BATCH_SIZE);
        }
        if (resultsCache == null || resultsCache.isNegative()) {
            throw new IllegalArgumentException("crystallize.run-store.results-cache must not be negative");
        }
        if (batchInterval == null || batchInterval.isNegative()) {
            throw new IllegalArgumentException("crystallize.run-store.batch-interval must not be negative");
        }
    }
}
