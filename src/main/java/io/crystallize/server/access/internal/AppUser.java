package io.crystallize.server.access.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user of the service: local (tokens issued here) or created on first use from a single-sign-on JWT. */
@Entity
@Table(name = "app_user")
public class AppUser {

    /** The user the migration creates and the bootstrap token belongs to. */
    public static final UUID ADMIN_ID = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    /** A user's global role. */
    public enum Role { ADMIN, USER }

    @Id
    private UUID id;
    @Column(nullable = false, length = 100)
    private String name;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Role role;
    @Column(name = "external_id", length = 1000)
    private String externalId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppUser() {
    }

    public AppUser(String name, Role role, String externalId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.role = role;
        this.externalId = externalId;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
