package io.crystallize.server.access.internal;

import io.crystallize.server.access.WorkspaceRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Creates users (each with a personal workspace), issues tokens and creates workspaces. No access checks here. */
@Service
public class Accounts {

    /** A token as issued: the secret value (shown once) and its stored record. */
    public record Issued(String token, ApiToken record) {
    }

    private final UserRepository users;
    private final TokenRepository tokens;
    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final Clock clock;

    Accounts(UserRepository users, TokenRepository tokens, WorkspaceRepository workspaces, MemberRepository members,
             Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.members = members;
        this.clock = clock;
    }

    /** A new user and its personal workspace, of which it is the owner. */
    @Transactional
    public AppUser createUser(String name, AppUser.Role role, String externalId) {
        AppUser user = users.saveAndFlush(new AppUser(name, role, externalId, clock.instant()));
        Workspace personal = workspaces.save(new Workspace(name, user.getId(), clock.instant()));
        members.save(new WorkspaceMember(personal.getId(), user.getId(), WorkspaceRole.OWNER));
        return user;
    }

    @Transactional
    public Issued issue(UUID userId, String name, Instant expiresAt) {
        return store(userId, name, Tokens.generate(), expiresAt);
    }

    /** Stores a token of a value chosen elsewhere (the configured bootstrap token). */
    @Transactional
    public Issued store(UUID userId, String name, String token, Instant expiresAt) {
        ApiToken record = tokens.save(new ApiToken(userId, name, Tokens.prefix(token), Tokens.hash(token),
                clock.instant(), expiresAt));
        return new Issued(token, record);
    }

    /** A shared workspace owned by {@code owner}. */
    @Transactional
    public Workspace createWorkspace(String name, UUID owner) {
        Workspace workspace = workspaces.save(new Workspace(name, null, clock.instant()));
        members.save(new WorkspaceMember(workspace.getId(), owner, WorkspaceRole.OWNER));
        return workspace;
    }
}
