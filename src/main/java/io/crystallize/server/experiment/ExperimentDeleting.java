package io.crystallize.server.experiment;

import java.util.UUID;

/**
 * Published inside the transaction that deletes an experiment, before its row goes: the modules that keep
 * data of it (its runs) delete theirs, or throw to refuse (a 409 while a run is active) and roll it all back.
 */
public record ExperimentDeleting(UUID experimentId, String name) {
}
