package io.crystallize.server.access.internal;

import io.crystallize.server.access.Caller;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.access.WorkspaceRole;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The access endpoints' use cases: users, their tokens, workspaces and members, with their rules (admins create
 * users; a user manages its own tokens; owners manage members). Another user's tokens answer 404, as resources of
 * another workspace do.
 */
@Service
public class AccessService {

    /** A workspace the caller belongs to, with its role there. */
    public record Membership(UUID id, String name, WorkspaceRole role) {
    }

    private final UserRepository users;
    private final TokenRepository tokens;
    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final Accounts accounts;
    private final WorkspaceAccess access;
    private final Clock clock;

    AccessService(UserRepository users, TokenRepository tokens, WorkspaceRepository workspaces, MemberRepository members,
                  Accounts accounts, WorkspaceAccess access, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.members = members;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(Caller caller) {
        return members.findByUserId(caller.id()).stream()
                .map(m -> new Membership(m.getWorkspaceId(), workspaces.findById(m.getWorkspaceId()).map(Workspace::getName)
                        .orElse(""), m.getRole()))
                .sorted(Comparator.comparing(Membership::name).thenComparing(m -> m.id().toString())).toList();
    }

    @Transactional
    public AppUser createUser(String name) {
        access.requireAdmin();
        if (users.existsByName(name)) {
            throw new ConflictException("a user named '" + name + "' already exists");
        }
        return accounts.createUser(name, AppUser.Role.USER, null);
    }

    @Transactional
    public Accounts.Issued issueToken(UUID userId, String name, Instant expiresAt) {
        requireSelfOrAdmin(userId);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidRequestException.of("expiresAt", "must be in the future");
        }
        return accounts.issue(userId, name, expiresAt);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(UUID userId) {
        requireSelfOrAdmin(userId);
        return tokens.findByUserIdOrderByCreatedAtAsc(userId);
    }

    @Transactional
    public void revoke(UUID tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("token", tokenId));
        Caller caller = access.caller();
        if (!caller.admin() && !caller.id().equals(token.getUserId())) {
            throw new NotFoundException("token", tokenId);
        }
        token.revoke(clock.instant());
    }

    @Transactional
    public Workspace createWorkspace(String name) {
        return accounts.createWorkspace(name, access.caller().id());
    }

    /** Adds a member or changes its role; owners (and admins) only. */
    @Transactional
    public WorkspaceMember putMember(UUID workspaceId, UUID userId, WorkspaceRole role) {
        access.require(workspaceId, WorkspaceRole.OWNER);
        if (!users.existsById(userId)) {
            throw new NotFoundException("user", userId);
        }
        WorkspaceMember member = members.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseGet(() -> new WorkspaceMember(workspaceId, userId, role));
        if (member.getRole() == WorkspaceRole.OWNER && role != WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId);
        }
        member.setRole(role);
        return members.save(member);
    }

    @Transactional
    public void removeMember(UUID workspaceId, UUID userId) {
        access.require(workspaceId, WorkspaceRole.OWNER);
        WorkspaceMember member = members.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(() -> new NotFoundException("member", userId));
        if (member.getRole() == WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId);
        }
        members.delete(member);
    }

    private void requireAnotherOwner(UUID workspaceId) {
        if (members.countByWorkspaceIdAndRole(workspaceId, WorkspaceRole.OWNER) < 2) {
            throw new ConflictException("workspace " + workspaceId + " would be left without an owner");
        }
    }

    private void requireSelfOrAdmin(UUID userId) {
        Caller caller = access.caller();
        if (!caller.admin() && !caller.id().equals(userId) || !users.existsById(userId)) {
            throw new NotFoundException("user", userId);
        }
    }
}
