package io.crystallize.server.access.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workspace: what experiments (and through them runs, logs, artifacts…) belong to. */
@Entity
@Table(name = "workspace")
public class Workspace {

    /** The admin's personal workspace, created by the migration; rows from before workspaces belong to it. */
    public static final UUID ADMIN_WORKSPACE_ID = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    @Id
    private UUID id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "personal_of")
    private UUID personalOf;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Workspace() {
    }

    public Workspace(String name, UUID personalOf, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.personalOf = personalOf;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UUID getPersonalOf() {
        return personalOf;
    }
}
