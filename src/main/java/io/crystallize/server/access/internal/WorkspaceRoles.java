package io.crystallize.server.access.internal;

import io.crystallize.server.access.WorkspaceRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A user's role in a workspace, and whether a workspace exists, each read anew by one plain SQL query with no JPA
 * session or transaction around it: {@link io.crystallize.server.access.WorkspaceAccess} asks on every request that
 * names a resource (each status poll), where a Spring Data query's transaction was most of the check's time in a
 * profile. Read on every call, so a role changed or removed holds from the next request on.
 */
@Component
public class WorkspaceRoles {

    private final JdbcClient jdbc;

    WorkspaceRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's role in the workspace; empty when the user is not a member (or either does not exist). */
    public Optional<WorkspaceRole> roleOf(UUID workspaceId, UUID userId) {
        return jdbc.sql("select role from workspace_member where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId).query((rs, row) -> WorkspaceRole.valueOf(rs.getString(1))).optional();
    }

    public boolean exists(UUID workspaceId) {
        return !jdbc.sql("select 1 from workspace where id = ?").param(workspaceId).query(Integer.class).list().isEmpty();
    }
}
