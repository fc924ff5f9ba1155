package io.crystallize.server.access.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

/** Workspaces. */
public interface WorkspaceRepository extends JpaRepository<Workspace, UUID> {

    Optional<Workspace> findFirstByPersonalOf(UUID userId);
}
