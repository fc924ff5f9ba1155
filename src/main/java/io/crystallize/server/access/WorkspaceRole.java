package io.crystallize.server.access;

/** A member's role in a workspace, weakest first: viewers read, editors also write, owners also manage members. */
public enum WorkspaceRole {
    VIEWER, EDITOR, OWNER;

    /** Whether this role grants at least what {@code needed} grants. */
    public boolean covers(WorkspaceRole needed) {
        return compareTo(needed) >= 0;
    }
}
