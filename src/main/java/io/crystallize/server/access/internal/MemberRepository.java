package io.crystallize.server.access.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Memberships: who may do what in which workspace. */
public interface MemberRepository extends JpaRepository<WorkspaceMember, WorkspaceMember.Key> {

    Optional<WorkspaceMember> findByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

    List<WorkspaceMember> findByUserId(UUID userId);

    long countByWorkspaceIdAndRole(UUID workspaceId, io.crystallize.server.access.WorkspaceRole role);
}
