package io.crystallize.server.optimization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One optimization of an experiment: RUNNING while the service evaluates its planned trials, then COMPLETED,
 * CANCELLED or FAILED. Ask/tell trials may be added at any time. Each change is its own short transaction.
 */
@Entity
@Table(name = "optimization")
class Optimization {

    enum Status { RUNNING, COMPLETED, CANCELLED, FAILED }

    @Id
    private UUID id;
    @Column(name = "experiment_id", nullable = false)
    private UUID experimentId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;
    @Column(nullable = false, length = 20)
    private String sampler;
    @Column(name = "spec_json", nullable = false, columnDefinition = "text")
    private String specJson;
    @Column(name = "planned_trials", nullable = false)
    private int plannedTrials;
    @Column(name = "sampler_seed", nullable = false)
    private long samplerSeed;
    @Column(name = "base_seed", nullable = false)
    private long baseSeed;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @Column(columnDefinition = "text")
    private String failure;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Optimization() {
    }

    Optimization(UUID experimentId, String sampler, String specJson, int plannedTrials, long samplerSeed, long baseSeed,
                 Instant now) {
        this.id = UUID.randomUUID();
        this.experimentId = experimentId;
        this.status = plannedTrials == 0 ? Status.COMPLETED : Status.RUNNING;
        this.sampler = sampler;
        this.specJson = specJson;
        this.plannedTrials = plannedTrials;
        this.samplerSeed = samplerSeed;
        this.baseSeed = baseSeed;
        this.createdAt = now;
        this.finishedAt = plannedTrials == 0 ? now : null;
    }

    void requestCancel() {
        if (status != Status.RUNNING) {
            throw new IllegalStateException("optimization " + id + " is already " + status);
        }
        cancelRequested = true;
    }

    void finish(Status end, String cause, Instant now) {
        if (status == Status.RUNNING) {
            status = end;
            failure = cause;
            finishedAt = now;
        }
    }

    UUID getId() { return id; }
    UUID getExperimentId() { return experimentId; }
    Status getStatus() { return status; }
    String getSampler() { return sampler; }
    String getSpecJson() { return specJson; }
    int getPlannedTrials() { return plannedTrials; }
    long getSamplerSeed() { return samplerSeed; }
    long getBaseSeed() { return baseSeed; }
    boolean isCancelRequested() { return cancelRequested; }
    String getFailure() { return failure; }
    Instant getCreatedAt() { return createdAt; }
    Instant getFinishedAt() { return finishedAt; }
}
