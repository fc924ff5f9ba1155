package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The record of one stored artifact: who wrote it (run, replicate, condition, step), where its bytes are
 * (store root and key) and what they were (size, SHA-256, content type). Unique per run, replicate,
 * condition, step and name, so recording again after a crash updates the row. Never serialized.
 */
@Entity
@Table(name = "artifact")
class ArtifactRecord {

    @Id
    private UUID id;
    @Column(name = "run_id", nullable = false)
    private UUID runId;
    @Column(name = "experiment_id", nullable = false)
    private UUID experimentId;
    @Column(name = "experiment_name", nullable = false, length = 100)
    private String experimentName;
    @Column(nullable = false)
    private int version;
    @Column(nullable = false)
    private int replicate;
    @Column(nullable = false, length = 100)
    private String condition;
    @Column(name = "step_index", nullable = false)
    private int stepIndex;
    @Column(nullable = false, length = 200)
    private String step;
    @Column(nullable = false, length = 255)
    private String name;
    @Column(name = "root_dir", nullable = false, length = 4000)
    private String rootDir;
    @Column(name = "storage_key", nullable = false, length = 4000)
    private String storageKey;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(name = "content_type", nullable = false, length = 200)
    private String contentType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ArtifactState state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ArtifactRecord() {
    }

    ArtifactRecord(NewArtifact a, Instant now) {
        this.id = UUID.randomUUID();
        this.runId = a.runId();
        this.experimentId = a.experimentId();
        this.experimentName = a.experimentName();
        this.version = a.version();
        this.replicate = a.replicate();
        this.condition = a.condition();
        this.step = a.step();
        this.name = a.name();
        this.createdAt = now;
        rewrite(a, now);
    }

    /** The same artifact written again (a re-executed unit, or a later step of the same type): new bytes. */
    void rewrite(NewArtifact a, Instant now) {
        this.stepIndex = a.stepIndex();
        this.rootDir = a.rootDir();
        this.storageKey = a.storageKey();
        this.sizeBytes = a.stored().sizeBytes();
        this.sha256 = a.stored().sha256();
        this.contentType = a.contentType();
        this.state = ArtifactState.AVAILABLE;
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    UUID getRunId() { return runId; }
    UUID getExperimentId() { return experimentId; }
    String getExperimentName() { return experimentName; }
    int getVersion() { return version; }
    int getReplicate() { return replicate; }
    String getCondition() { return condition; }
    int getStepIndex() { return stepIndex; }
    String getStep() { return step; }
    String getName() { return name; }
    String getRootDir() { return rootDir; }
    String getStorageKey() { return storageKey; }
    long getSizeBytes() { return sizeBytes; }
    String getSha256() { return sha256; }
    String getContentType() { return contentType; }
    ArtifactState getState() { return state; }
}
