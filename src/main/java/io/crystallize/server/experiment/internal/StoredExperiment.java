package io.crystallize.server.experiment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stored, immutable experiment definition. The definition is kept as its JSON text. */
@Entity
@Table(name = "experiment")
public class StoredExperiment {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "definition_json", nullable = false, columnDefinition = "text")
    private String definitionJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredExperiment() {
    }

    public StoredExperiment(String name, String fingerprint, String definitionJson, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.fingerprint = fingerprint;
        this.definitionJson = definitionJson;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getDefinitionJson() {
        return definitionJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
