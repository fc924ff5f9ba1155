/**
 * Access: users, API tokens, workspaces and quotas (SPEC §7b, API.md "Access").
 *
 * <p>Every {@code /api/**} request is authenticated with a bearer token (ours, or a JWT of a configured
 * identity provider). The authorization decision lives in one place, {@link io.crystallize.server.access.WorkspaceAccess}:
 * a caller who cannot read a workspace gets 404 for its resources, a {@code VIEWER} who writes gets 403, admins
 * see everything. Modules that own resources contribute a {@link io.crystallize.server.access.WorkspaceLookup}
 * (resource id → workspace), and every handler whose path starts with one of its anchors (e.g.
 * {@code /api/runs/{runId}}) is checked before it runs, so new endpoints under those paths are covered without
 * code of their own.
 */
package io.crystallize.server.access;
