package io.crystallize.server.experiment;

import java.time.Instant;
import java.util.UUID;

/** A stored experiment as the rest of the application sees it: identity, workspace, fingerprint and definition. */
public record ExperimentView(UUID id, String name, String fingerprint, Instant createdAt, ExperimentDefinition definition,
                             UUID workspaceId) {
}
