package io.crystallize.server.experiment.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    @Column(name = "workspace_id", nullable = false)
    private UUID workspaceId;
    /** A copy of the definition's tags, for the search ({@code ?tag=key:value}). */
    @ElementCollection
    @CollectionTable(name = "experiment_tag", joinColumns = @JoinColumn(name = "experiment_id"))
    @MapKeyColumn(name = "tag_key", length = 100)
    @Column(name = "tag_value", nullable = false, length = 200)
    private Map<String, String> tags = new HashMap<>();

    protected StoredExperiment() {
    }

    public StoredExperiment(UUID workspaceId, String name, String fingerprint, String definitionJson,
                            Map<String, String> tags, Instant createdAt) {
        this.workspaceId = workspaceId;
        this.tags = new HashMap<>(tags);
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

    public UUID getWorkspaceId() {
        return workspaceId;
    }
}
