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
    private CountingRandom random;
    /** The step being traced: the keys it reads and writes (provenance); null between steps. */
    private StepTrace trace;

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
        if (trace != null) {
            trace.written(key);
        }
    }

    public synchronized boolean contains(String key) {
        if (trace != null) {
            trace.read(key);
        }
        return values.containsKey(key);
    }

    /** The value of {@code key}; values are immutable, so no copy is needed. */
    public synchronized Optional<Object> get(String key) {
        if (trace != null) {
            trace.read(key);
        }
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Starts recording what the step at {@code index} reads, writes and records, until {@link #endStep()}.
     * Called by the engine around each step (provenance); steps have no use for it.
     */
    public synchronized StepTrace beginStep(int index, String type) {
        trace = new StepTrace(index, type);
        metrics.trace(trace);
        return trace;
    }

    /** Ends the trace {@link #beginStep} started. */
    public synchronized void endStep() {
        trace = null;
        metrics.trace(null);
    }

    /** How many values the unit's generator has produced: part of a cached step's address. */
    public synchronized long draws() {
        return random == null ? 0 : random.count;
    }

    /** Moves the generator on as if {@code n} values had been drawn (a cache hit replays a step's draws). */
    public synchronized void skipDraws(long n) {
        RandomGenerator g = random();
        for (long i = 0; i < n; i++) {
            g.nextLong();
        }
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
        random = new CountingRandom(FACTORY.create(seed));
    }

    /** The unit's generator. Unseeded (no seed plugin ran) it is seeded from entropy, so not reproducible. */
    public synchronized RandomGenerator random() {
        if (random == null) {
            random = new CountingRandom(FACTORY.create());
        }
        return random;
    }

    /**
     * The unit's generator, counting its draws. Every method of {@link RandomGenerator} derives from
     * {@code nextLong}, and the JDK's L64X128MixRandom derives its own the same way, so the values are exactly
     * those of the wrapped generator while the count tells how far it has advanced.
     */
    private static final class CountingRandom implements RandomGenerator {
        private final RandomGenerator delegate;
        private long count;

        CountingRandom(RandomGenerator delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextLong() {
            count++;
            return delegate.nextLong();
        }
    }

    public int replicate() {
        return ((Number) get(ContextKeys.REPLICATE_KEY).orElse(0)).intValue();
    }

    public String condition() {
        return (String) get(ContextKeys.CONDITION_KEY).orElse(ContextKeys.BASELINE_CONDITION);
    }
}
