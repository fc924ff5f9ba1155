package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.ExperimentPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiment as one run sees it, handed to every plugin hook: the resolved definition (datasource,
 * steps, initial context, the run's active treatments and hypotheses, its replicates), the run's
 * identity, its base seed and version, its log and its cancellation token. Read-only: what a run decides
 * is decided before it starts, by its plugins' factories.
 */
public final class Experiment {

    private final String id;
    private final String name;
    private final String runId;
    private final String fingerprint;
    private final int replicates;
    private final DatasourceInvocation datasource;
    private final List<StepInvocation> steps;
    private final Map<String, Object> initialContext;
    private final Treatment baselineTreatment;
    private final List<Treatment> treatments;
    private final List<Hypothesis> hypotheses;
    private final RunLog log;
    private final CancellationToken cancellation;
    private final UnitLimits limits;
    private final List<ExperimentPlugin> plugins;
    private final io.crystallize.server.engine.spi.StepCache stepCache;
    private final java.time.Instant startedAt;
    private final Long baseSeed;
    private final int version;

    private Experiment(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.runId = b.runId;
        this.fingerprint = b.fingerprint;
        this.replicates = b.replicates;
        this.datasource = b.datasource;
        this.steps = List.copyOf(b.steps);
        this.initialContext = b.initialContext == null ? Map.of() : b.initialContext;
        this.baselineTreatment = b.treatments.stream()
                .filter(t -> t.name().equals(ContextKeys.BASELINE_CONDITION)).findFirst().orElse(null);
        this.treatments = b.treatments.stream()
                .filter(t -> !t.name().equals(ContextKeys.BASELINE_CONDITION)).toList();
        this.hypotheses = List.copyOf(b.hypotheses);
        this.log = b.log;
        this.cancellation = b.cancellation;
        this.limits = b.limits;
        this.baseSeed = b.baseSeed;
        this.version = b.version;
        this.startedAt = b.startedAt;
        this.plugins = List.copyOf(b.plugins);
        this.stepCache = b.stepCache;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String id() { return id; }
    public String name() { return name; }
    public String runId() { return runId; }
    public String fingerprint() { return fingerprint; }
    public int replicates() { return replicates; }
    public DatasourceInvocation datasource() { return datasource; }
    public List<StepInvocation> steps() { return steps; }
    public Map<String, Object> initialContext() { return initialContext; }
    public Optional<Treatment> baselineTreatment() { return Optional.ofNullable(baselineTreatment); }
    /** The run's active treatments, without a {@code baseline} treatment. */
    public List<Treatment> treatments() { return treatments; }
    public List<Hypothesis> hypotheses() { return hypotheses; }
    public RunLog log() { return log; }
    public CancellationToken cancellation() { return cancellation; }
    public UnitLimits limits() { return limits; }
    public List<ExperimentPlugin> plugins() { return plugins; }
    /** Where steps marked {@code cache} look up and keep their outputs. */
    public io.crystallize.server.engine.spi.StepCache stepCache() { return stepCache; }

    /** {@code baseline} followed by the active treatments, in order. */
    public List<String> conditions() {
        List<String> c = new ArrayList<>();
        c.add(ContextKeys.BASELINE_CONDITION);
        treatments.forEach(t -> c.add(t.name()));
        return c;
    }

    /** When the run first started (on any node), or null when not known. */
    public java.time.Instant startedAt() { return startedAt; }
    /** The run's base seed, decided before it started (see the seed plugin's factory); null outside a stored run. */
    public Long baseSeed() { return baseSeed; }
    /** The run's artifact version, decided before it started (see the artifacts plugin's factory). */
    public int version() { return version; }

    /** The first plugin of the given class, as crystallize's {@code get_plugin}. */
    public <T extends ExperimentPlugin> Optional<T> plugin(Class<T> type) {
        return plugins.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public static final class Builder {
        private String id;
        private String name;
        private String runId;
        private String fingerprint;
        private int replicates = 1;
        private DatasourceInvocation datasource;
        private List<StepInvocation> steps = List.of();
        private Map<String, Object> initialContext = Map.of();
        private List<Treatment> treatments = List.of();
        private List<Hypothesis> hypotheses = List.of();
        private List<ExperimentPlugin> plugins = List.of();
        private RunLog log = RunLog.NONE;
        private CancellationToken cancellation = new CancellationToken();
        private UnitLimits limits = UnitLimits.NONE;
        private Long baseSeed;
        private int version;
        private java.time.Instant startedAt;
        private io.crystallize.server.engine.spi.StepCache stepCache = io.crystallize.server.engine.spi.StepCache.NONE;

        public Builder stepCache(io.crystallize.server.engine.spi.StepCache v) { stepCache = v; return this; }
        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder runId(String v) { runId = v; return this; }
        public Builder fingerprint(String v) { fingerprint = v; return this; }
        public Builder replicates(int v) { replicates = v; return this; }
        public Builder datasource(DatasourceInvocation v) { datasource = v; return this; }
        public Builder steps(List<StepInvocation> v) { steps = v; return this; }
        public Builder initialContext(Map<String, Object> v) { initialContext = v; return this; }
        public Builder treatments(List<Treatment> v) { treatments = v; return this; }
        public Builder hypotheses(List<Hypothesis> v) { hypotheses = v; return this; }
        public Builder plugins(List<? extends ExperimentPlugin> v) { plugins = List.copyOf(v); return this; }
        public Builder log(RunLog v) { log = v; return this; }
        public Builder cancellation(CancellationToken v) { cancellation = v; return this; }
        public Builder limits(UnitLimits v) { limits = v; return this; }
        public Builder baseSeed(Long v) { baseSeed = v; return this; }
        public Builder version(int v) { version = v; return this; }
        public Builder startedAt(java.time.Instant v) { startedAt = v; return this; }

        public Experiment build() {
            if (datasource == null) {
                throw new IllegalStateException("an experiment needs a datasource");
            }
            if (steps.isEmpty()) {
                throw new IllegalStateException("an experiment needs at least one step");
            }
            if (replicates < 1) {
                throw new IllegalStateException("replicates must be at least 1");
            }
            return new Experiment(this);
        }
    }
}
