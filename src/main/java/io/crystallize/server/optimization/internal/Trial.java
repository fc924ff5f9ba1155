package io.crystallize.server.optimization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One trial of an optimization: its params, how it is evaluated (here or told) and its objective value. */
@Entity
@Table(name = "optimization_trial")
class Trial {

    enum Status { PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ASKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "optimization_id", nullable = false)
    private UUID optimizationId;
    @Column(nullable = false)
    private int trial;
    @Column(name = "params_json", nullable = false, columnDefinition = "text")
    private String paramsJson;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;
    @Column(nullable = false)
    private boolean external;
    @Column(name = "objective_value")
    private Double value;
    @Column(columnDefinition = "text")
    private String error;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Trial() {
    }

    Trial(UUID optimizationId, int trial, String paramsJson, boolean external, Instant now) {
        this.optimizationId = optimizationId;
        this.trial = trial;
        this.paramsJson = paramsJson;
        this.external = external;
        this.status = external ? Status.ASKED : Status.PENDING;
        this.createdAt = now;
    }

    void running() {
        status = Status.RUNNING;
    }

    void completed(double objective, Instant now) {
        status = Status.COMPLETED;
        value = objective;
        finishedAt = now;
    }

    void failed(String cause, Instant now) {
        status = Status.FAILED;
        error = cause;
        finishedAt = now;
    }

    void cancelled(Instant now) {
        status = Status.CANCELLED;
        finishedAt = now;
    }

    int getTrial() { return trial; }
    String getParamsJson() { return paramsJson; }
    Status getStatus() { return status; }
    boolean isExternal() { return external; }
    Double getValue() { return value; }
    String getError() { return error; }
    Instant getFinishedAt() { return finishedAt; }
}
