package io.crystallize.server.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.crystallize.server.engine.UnitStatus;

import java.time.Instant;
import java.util.UUID;

/** The stored outcome of one (replicate, condition) unit of a run; unique per run, replicate and condition. */
@Entity
@Table(name = "run_unit")
public class RunUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "run_id", nullable = false)
    private UUID runId;
    @Column(nullable = false)
    private int replicate;
    @Column(nullable = false, length = 100)
    private String condition;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UnitStatus status;
    private Long seed;
    @Column(name = "metrics_json", nullable = false, columnDefinition = "text")
    private String metricsJson;
    @Column(name = "error_type", length = 500)
    private String errorType;
    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;
    @Column(name = "error_trace", columnDefinition = "text")
    private String errorTrace;
    @Column(length = 200)
    private String node;
    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;
    // What the unit's steps did (provenance) and how many were served from the step cache: written with the row by
    // the unit writer's batches (UnitRows).
    @Column(name = "cache_hits", nullable = false)
    private int cacheHits;
    @Column(name = "provenance_json", columnDefinition = "text")
    private String provenanceJson;

    protected RunUnit() {
    }

    RunUnit(UUID runId, int replicate, String condition, UnitStatus status, Long seed, String metricsJson,
            String errorType, String errorMessage, String errorTrace, String node, Instant finishedAt) {
        this.runId = runId;
        this.replicate = replicate;
        this.condition = condition;
        this.status = status;
        this.seed = seed;
        this.metricsJson = metricsJson;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.errorTrace = errorTrace;
        this.node = node;
        this.finishedAt = finishedAt;
    }

    public int getCacheHits() { return cacheHits; }
    public String getProvenanceJson() { return provenanceJson; }
    public UUID getRunId() { return runId; }
    public int getReplicate() { return replicate; }
    public String getCondition() { return condition; }
    public UnitStatus getStatus() { return status; }
    public Long getSeed() { return seed; }
    public String getMetricsJson() { return metricsJson; }
    public String getErrorType() { return errorType; }
    public String getErrorMessage() { return errorMessage; }
    public String getErrorTrace() { return errorTrace; }
    public String getNode() { return node; }
    public Instant getFinishedAt() { return finishedAt; }
}
