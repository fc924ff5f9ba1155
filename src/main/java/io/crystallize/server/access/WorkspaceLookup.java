package io.crystallize.server.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SPI: tells which workspace a resource belongs to, so that every endpoint under the resource's path is
 * checked by {@link WorkspaceAccess} before its handler runs.
 *
 * <p>An anchor is a path pattern ending in the resource's id variable, e.g. {@code /api/runs/{runId}}. A handler
 * whose pattern is the anchor or continues it ({@code /api/runs/{runId}/logs}, {@code .../results.csv}) is checked:
 * {@code GET}/{@code HEAD} need read access, other methods write access (unless the handler is annotated
 * {@link ReadsOnly}). A resource that does not exist answers 404 before the handler runs.
 */
public interface WorkspaceLookup {

    /** What the resource is called in a 404 ("run", "experiment"). */
    String resource();

    /** The path patterns whose last variable is this resource's id. */
    List<String> anchors();

    /** The workspace of the resource with this id; empty when there is no such resource. */
    Optional<UUID> workspaceOf(UUID id);
}
