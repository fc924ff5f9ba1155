package io.crystallize.server.experiment;

import java.util.UUID;

/**
 * Published inside the transaction that creates an experiment, after its row is written and before it commits: the
 * modules that keep something of their own per experiment (its artifact folder) claim it, or throw to refuse (a 409)
 * and roll the creation back, so a refused definition stores nothing.
 *
 * @param experimentId the new experiment's id
 * @param definition   the definition as stored (normalized)
 */
public record ExperimentCreating(UUID experimentId, ExperimentDefinition definition) {
}
