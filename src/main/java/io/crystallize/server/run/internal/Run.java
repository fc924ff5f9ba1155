package io.crystallize.server.run.internal;

import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunStatusChanged;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One execution of an experiment: the aggregate whose status changes only through its guarded methods
 * (see {@link RunStatus} for the allowed transitions). Each change is its own short transaction, and each
 * transition registers a {@link RunStatusChanged} that Spring Data publishes when the run is saved, inside
 * that transaction (so listeners can enqueue work atomically with the change).
 */
@Entity
@Table(name = "run")
public class Run extends AbstractAggregateRoot<Run> {

    @Id
    private UUID id;
    @Column(name = "experiment_id", nullable = false)
    private UUID experimentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunStatus status;
    @Column(nullable = false)
    private int version;
    /** The version again for a versioned run (unique per experiment), null for a non-versioned one (always v0). */
    @Column(name = "allocated_version")
    private Integer allocatedVersion;
    @Column(nullable = false, length = 64)
    private String fingerprint;
    @Column(name = "base_seed")
    private Long baseSeed;
    @Column(nullable = false)
    private int replicates;
    /** {@code baseline} and the active treatments, in order; stored as a JSON list ({@link RunConditions}). */
    @Convert(converter = RunConditions.class)
    @Column(name = "conditions_json", nullable = false, columnDefinition = "text")
    private List<String> conditions;
    @Column(nullable = false, length = 20)
    private String strategy;
    @Column(nullable = false)
    private boolean debug;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @Column(columnDefinition = "text")
    private String failure;
    @Column(length = 200)
    private String node;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "cancelled_by")
    private UUID cancelledBy;
    @Column(name = "upstream_runs_json", columnDefinition = "text")
    private String upstreamRunsJson;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;
    // Written only by the unit writer's batches (UnitRows), in SQL: JPA reads them and never writes them back.
    @Column(name = "completed_units", insertable = false, updatable = false)
    private long completedUnits;
    @Column(name = "failed_units", insertable = false, updatable = false)
    private long failedUnits;
    @Column(name = "skipped_units", insertable = false, updatable = false)
    private long skippedUnits;
    /** Steps of the stored units served from the step cache, counted with the units by the same batches. */
    @Column(name = "cache_hits", insertable = false, updatable = false)
    private long cacheHits;

    protected Run() {
    }

    Run(UUID experimentId, int version, String fingerprint, Long baseSeed, int replicates, List<String> conditions,
        String strategy, boolean debug, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.experimentId = experimentId;
        this.status = RunStatus.QUEUED;
        this.version = version;
        this.fingerprint = fingerprint;
        this.baseSeed = baseSeed;
        this.replicates = replicates;
        this.conditions = List.copyOf(conditions);
        this.strategy = strategy;
        this.debug = debug;
        this.createdAt = createdAt;
    }

    /** A versioned run owns its version folder: the version is recorded as allocated (unique per experiment). */
    void allocateVersion() {
        this.allocatedVersion = version;
    }

    /** Whether this run replaces version 0 (not versioned), so runs of its experiment must not overlap. */
    boolean sharesVersionFolder() {
        return allocatedVersion == null;
    }

    /** A node takes the run (again, after a crash: RUNNING → RUNNING keeps the first start time). */
    void start(String node, Instant now) {
        transition(RunStatus.RUNNING);
        this.node = node;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    void complete(Instant now) {
        finish(RunStatus.COMPLETED, now);
    }

    void fail(String cause, Instant now) {
        this.failure = cause;
        finish(RunStatus.FAILED, now);
    }

    void cancel(Instant now) {
        finish(RunStatus.CANCELLED, now);
    }

    /** Asks a running run to stop; it ends CANCELLED when its node notices. {@code by} is the user who asked. */
    void requestCancel(UUID by) {
        if (status.isFinished()) {
            throw new IllegalStateException("run " + id + " is already " + status);
        }
        cancelRequested = true;
        cancelledBy = by;
    }

    /** Records the user who submitted the run. */
    void createdBy(UUID user) {
        this.createdBy = user;
    }

    private void finish(RunStatus next, Instant now) {
        transition(next);
        finishedAt = now;
    }

    private void transition(RunStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("run " + id + " cannot go from " + status + " to " + next);
        }
        RunStatus previous = status;
        status = next;
        if (previous != next) {
            registerEvent(new RunStatusChanged(id, previous, next));
        }
    }

    /** The runs of upstream experiments started first by a {@code withUpstream} request (a JSON list of ids). */
    void upstreamRuns(String json) {
        this.upstreamRunsJson = json;
    }

    public String getUpstreamRunsJson() { return upstreamRunsJson; }
    public UUID getId() { return id; }
    public UUID getExperimentId() { return experimentId; }
    public RunStatus getStatus() { return status; }
    public int getVersion() { return version; }
    public String getFingerprint() { return fingerprint; }
    public Long getBaseSeed() { return baseSeed; }
    public int getReplicates() { return replicates; }
    /** {@code baseline} and the run's active treatments, in order (unmodifiable). */
    public List<String> getConditions() { return conditions; }
    public String getStrategy() { return strategy; }
    public boolean isDebug() { return debug; }
    public boolean isCancelRequested() { return cancelRequested; }
    public String getFailure() { return failure; }
    public String getNode() { return node; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public long getRowVersion() { return rowVersion; }
    public long getCompletedUnits() { return completedUnits; }
    public long getCacheHits() { return cacheHits; }
    public long getFailedUnits() { return failedUnits; }
    public long getSkippedUnits() { return skippedUnits; }
    public UUID getCreatedBy() { return createdBy; }
    public UUID getCancelledBy() { return cancelledBy; }
}
