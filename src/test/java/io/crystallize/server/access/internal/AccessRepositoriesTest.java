package io.crystallize.server.access.internal;

import io.crystallize.server.access.WorkspaceRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Users, tokens, workspaces and memberships on the suite's database: which tokens authenticate, in which order a
 * user's tokens are listed, role counts, and the unique names and token hashes.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AccessRepositoriesTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    UserRepository users;
    @Autowired
    TokenRepository tokens;
    @Autowired
    WorkspaceRepository workspaces;
    @Autowired
    MemberRepository members;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void onlyAKnownUnrevokedUnexpiredTokenAuthenticatesItsUser() {
        AppUser alice = users.saveAndFlush(new AppUser("alice", AppUser.Role.USER, null, NOW));
        tokens.saveAndFlush(token(alice, "forever", "h-forever", NOW, null));
        tokens.saveAndFlush(token(alice, "later", "h-later", NOW, NOW.plusSeconds(60)));
        tokens.saveAndFlush(token(alice, "expired", "h-expired", NOW.minusSeconds(120), NOW.minusSeconds(60)));
        tokens.saveAndFlush(token(alice, "exactly-now", "h-now", NOW.minusSeconds(60), NOW));
        ApiToken revoked = token(alice, "revoked", "h-revoked", NOW, null);
        revoked.revoke(NOW);
        tokens.saveAndFlush(revoked);

        // The lookup of every authenticated request: plain SQL on the rows JPA wrote, in the same transaction.
        UsableTokens usable = new UsableTokens(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource));
        assertThat(usable.callerOf("h-forever", NOW))
                .contains(new io.crystallize.server.access.Caller(alice.getId(), "alice", false));
        assertThat(usable.callerOf("h-later", NOW)).isPresent();
        assertThat(usable.callerOf("h-expired", NOW)).isEmpty();
        // expiresAt is exclusive, as ApiToken.isUsable says.
        assertThat(usable.callerOf("h-now", NOW)).isEmpty();
        assertThat(usable.callerOf("h-revoked", NOW)).isEmpty();
        assertThat(usable.callerOf("h-unknown", NOW)).isEmpty();
        assertThat(tokens.findByTokenHash("h-revoked")).map(ApiToken::getRevokedAt).contains(NOW);
    }

    @Test
    void aUsersTokensAreListedOldestFirst() {
        AppUser bob = users.saveAndFlush(new AppUser("bob", AppUser.Role.USER, null, NOW));
        AppUser carol = users.saveAndFlush(new AppUser("carol", AppUser.Role.USER, null, NOW));
        tokens.saveAndFlush(token(bob, "second", "h-2", NOW.plusSeconds(2), null));
        tokens.saveAndFlush(token(bob, "first", "h-1", NOW.plusSeconds(1), null));
        tokens.saveAndFlush(token(carol, "hers", "h-3", NOW, null));

        assertThat(tokens.findByUserIdOrderByCreatedAtAsc(bob.getId())).extracting(ApiToken::getName)
                .containsExactly("first", "second");
    }

    @Test
    void membershipsAndRoleCountsPerWorkspace() {
        AppUser dave = users.saveAndFlush(new AppUser("dave", AppUser.Role.USER, "https://issuer#dave", NOW));
        Workspace personal = workspaces.saveAndFlush(new Workspace("dave", dave.getId(), NOW));
        Workspace shared = workspaces.saveAndFlush(new Workspace("team", null, NOW));
        members.saveAndFlush(new WorkspaceMember(personal.getId(), dave.getId(), WorkspaceRole.OWNER));
        members.saveAndFlush(new WorkspaceMember(shared.getId(), dave.getId(), WorkspaceRole.VIEWER));
        members.saveAndFlush(new WorkspaceMember(shared.getId(), AppUser.ADMIN_ID, WorkspaceRole.OWNER));

        assertThat(workspaces.findFirstByPersonalOf(dave.getId())).map(Workspace::getId).contains(personal.getId());
        assertThat(users.findByExternalId("https://issuer#dave")).map(AppUser::getId).contains(dave.getId());
        assertThat(members.findByUserId(dave.getId())).extracting(WorkspaceMember::getWorkspaceId)
                .containsExactlyInAnyOrder(personal.getId(), shared.getId());
        assertThat(members.findByWorkspaceIdAndUserId(shared.getId(), dave.getId()))
                .map(WorkspaceMember::getRole).contains(WorkspaceRole.VIEWER);
        assertThat(members.countByWorkspaceIdAndRole(shared.getId(), WorkspaceRole.OWNER)).isEqualTo(1);
        assertThat(members.countByWorkspaceIdAndRole(shared.getId(), WorkspaceRole.EDITOR)).isZero();

        // The check of every request that names a resource: plain SQL on the rows JPA wrote, in the same transaction.
        WorkspaceRoles roles = new WorkspaceRoles(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource));
        assertThat(roles.roleOf(shared.getId(), dave.getId())).contains(WorkspaceRole.VIEWER);
        assertThat(roles.roleOf(personal.getId(), dave.getId())).contains(WorkspaceRole.OWNER);
        assertThat(roles.roleOf(shared.getId(), java.util.UUID.randomUUID())).isEmpty();
        assertThat(roles.roleOf(java.util.UUID.randomUUID(), dave.getId())).isEmpty();
        assertThat(roles.exists(shared.getId())).isTrue();
        assertThat(roles.exists(java.util.UUID.randomUUID())).isFalse();
    }

    @Test
    void userNamesAreUnique() {
        // The V12 migration created the admin.
        assertThat(users.existsByName("admin")).isTrue();
        assertThat(users.existsByName("nobody")).isFalse();

        assertThatThrownBy(() -> users.saveAndFlush(new AppUser("admin", AppUser.Role.USER, null, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void tokenHashesAreUnique() {
        AppUser erin = users.saveAndFlush(new AppUser("erin", AppUser.Role.USER, null, NOW));
        tokens.saveAndFlush(token(erin, "a", "h-same", NOW, null));

        assertThatThrownBy(() -> tokens.saveAndFlush(token(erin, "b", "h-same", NOW, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static ApiToken token(AppUser user, String name, String hash, Instant createdAt, Instant expiresAt) {
        return new ApiToken(user.getId(), name, "cz_" + name.substring(0, 1), hash, createdAt, expiresAt);
    }
}
