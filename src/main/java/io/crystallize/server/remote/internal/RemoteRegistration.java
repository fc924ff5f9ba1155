package io.crystallize.server.remote.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stored remote component registration; immutable (a change is a DELETE and a new registration). */
@Entity
@Table(name = "remote_component")
class RemoteRegistration {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String type;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "params_json", nullable = false, columnDefinition = "text")
    private String paramsJson;

    @Column(name = "timeout_ms", nullable = false)
    private long timeoutMs;

    @Column(name = "max_concurrency", nullable = false)
    private int maxConcurrency;

    @Column(nullable = false)
    private int retries;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RemoteRegistration() {
    }

    RemoteRegistration(String kind, String type, String description, String url, String paramsJson, long timeoutMs,
                       int maxConcurrency, int retries, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.type = type;
        this.description = description;
        this.url = url;
        this.paramsJson = paramsJson;
        this.timeoutMs = timeoutMs;
        this.maxConcurrency = maxConcurrency;
        this.retries = retries;
        this.createdAt = createdAt;
    }

    UUID getId() { return id; }
    String getType() { return type; }
    String getKind() { return kind; }
    String getDescription() { return description; }
    String getUrl() { return url; }
    String getParamsJson() { return paramsJson; }
    long getTimeoutMs() { return timeoutMs; }
    int getMaxConcurrency() { return maxConcurrency; }
    int getRetries() { return retries; }
    Instant getCreatedAt() { return createdAt; }
}
