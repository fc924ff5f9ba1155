package io.crystallize.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The context of one unit (SPEC §1): keys may be added, never changed. It also holds the unit's
 * metrics, its artifact log, the run's log and the unit's seeded random generator, which steps
 * must use for all randomness so that a unit's outcome depends only on its seed.
 */
public final class FrozenContext {

    /** A splittable-free, well-specified generator whose sequence is fixed by the JDK for a given seed. */
    static final String GENERATOR = "L64X128MixRandom";
    /** Looked up once: {@code RandomGeneratorFactory.of} and its first {@code create} reflect over the provider. */
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(GENERATOR);

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Metrics metrics;
    private final UnitMemory memory;
    private final ArtifactLog artifacts = new ArtifactLog();
    private final RunLog log;
    private final CancellationToken cancellation;
    private RandomGenerator random;

    public FrozenContext(Map<String, ?> initial, RunLog log) {
        this(initial, log, new CancellationToken());
    }

    public FrozenContext(Map<String, ?> initial, RunLog log, CancellationToken cancellation) {
        this(initial, log, cancellation, new Metrics(), UnitMemory.UNBOUNDED);
    }

    /** A unit's context, with its bounded metrics and its share of the node's memory budget. */
    public FrozenContext(Map<String, ?> initial, RunLog log, CancellationToken cancellation, Metrics metrics,
                         UnitMemory memory) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.log = Objects.requireNonNull(log, "log");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        if (initial != null) {
            initial.forEach(this::add);
        }
    }

    /** Adds a key; an existing key (even with an equal value) is a {@link ContextMutationException}. */
    public synchronized void add(String key, Object value) {
        if (values.containsKey(key)) {
            throw new ContextMutationException("Cannot mutate existing key: '" + key + "'");
        }
        values.put(key, JsonValues.freeze(value));
    }

    public synchronized boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}; values are immutable, so no copy is needed. */
    public synchronized Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public synchronized Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Metrics metrics() {
        return metrics;
    }

    public ArtifactLog artifacts() {
        return artifacts;
    }

    public RunLog log() {
        return log;
    }

    /**
     * The unit's share of the node's memory budget: a step or datasource about to allocate large data reserves its
     * bytes first (and may wait for other units to finish).
     */
    public UnitMemory memory() {
        return memory;
    }

    /** The run's cancellation and the unit's time limit: long-running steps check it or wait on it. */
    public CancellationToken cancellation() {
        return cancellation;
    }

    /** Seeds the unit's generator; called by the seed function of the seed plugin. */
    public synchronized void seedRandom(long seed) {
        random = FACTORY.create(seed);
    }

    /** The unit's generator. Unseeded (no seed plugin ran) it is seeded from entropy, so not reproducible. */
    public synchronized RandomGenerator random() {
        if (random == null) {
            random = FACTORY.create();
        }
        return random;
    }

    public int replicate() {
        return ((Number) get(ContextKeys.REPLICATE_KEY).orElse(0)).intValue();
    }

    public String condition() {
        return (String) get(ContextKeys.CONDITION_KEY).orElse(ContextKeys.BASELINE_CONDITION);
    }
}
