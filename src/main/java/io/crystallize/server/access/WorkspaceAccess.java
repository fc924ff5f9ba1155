package io.crystallize.server.access;

import io.crystallize.server.access.internal.MemberRepository;
import io.crystallize.server.access.internal.WorkspaceMember;
import io.crystallize.server.access.internal.WorkspaceRepository;
import io.crystallize.server.access.internal.WorkspaceRoles;
import io.crystallize.server.problem.ForbiddenException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that decides who may read and write which workspace. A caller who cannot read a workspace
 * gets 404 for it (existence is not revealed), a member below the role needed gets 403, admins may do anything.
 * Lists are filtered with {@link #readableWorkspaces()}. Reads the caller of the current request from Spring
 * Security; there is none outside a request (background work does not check access).
 */
@Service
public class WorkspaceAccess {

    private final MemberRepository members;
    private final WorkspaceRepository workspaces;
    private final WorkspaceRoles roles;

    WorkspaceAccess(MemberRepository members, WorkspaceRepository workspaces, WorkspaceRoles roles) {
        this.members = members;
        this.workspaces = workspaces;
        this.roles = roles;
    }

    /** The caller of the current request, if it is authenticated. */
    public Optional<Caller> currentCaller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /** The caller of the current request; fails when there is none (a request that skipped authentication). */
    public Caller caller() {
        return currentCaller().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    /** 404 unless the caller may read the workspace. */
    public void requireRead(UUID workspaceId) {
        require(workspaceId, WorkspaceRole.VIEWER);
    }

    /** 404 unless the caller may read the workspace, 403 unless it may also write to it. */
    public void requireWrite(UUID workspaceId) {
        require(workspaceId, WorkspaceRole.EDITOR);
    }

    /**
     * 404 unless the caller may read the workspace, 403 unless its role there covers {@code needed}. One plain SQL
     * read ({@link WorkspaceRoles}), on the path of every request that names a resource.
     */
    public void require(UUID workspaceId, WorkspaceRole needed) {
        Caller caller = caller();
        if (caller.admin()) {
            if (!roles.exists(workspaceId)) {
                throw new NotFoundException("workspace", workspaceId);
            }
            return;
        }
        WorkspaceRole role = roles.roleOf(workspaceId, caller.id())
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        if (!role.covers(needed)) {
            throw new ForbiddenException("your role in workspace " + workspaceId + " is " + role + "; this needs " + needed);
        }
    }

    /** The workspaces the caller may read; empty means every workspace (an admin). */
    @Transactional(readOnly = true)
    public Optional<Set<UUID>> readableWorkspaces() {
        Caller caller = caller();
        if (caller.admin()) {
            return Optional.empty();
        }
        return Optional.of(members.findByUserId(caller.id()).stream().map(WorkspaceMember::getWorkspaceId)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The caller's personal workspace: where what it creates goes unless it names another. */
    @Transactional(readOnly = true)
    public UUID personalWorkspace() {
        Caller caller = caller();
        return workspaces.findFirstByPersonalOf(caller.id()).map(w -> w.getId())
                .orElseThrow(() -> new IllegalStateException("user " + caller.name() + " has no personal workspace"));
    }

    /** 403 unless the caller is an admin. */
    public void requireAdmin() {
        if (!caller().admin()) {
            throw new ForbiddenException("only admins may do this");
        }
    }
}
