package io.crystallize.server.run;

import java.util.UUID;

/**
 * A run changed status ({@code RUNNING → RUNNING}, a run resumed on another node, is not a change). Published
 * synchronously inside the transaction that stores the change: an {@code @EventListener} joins it (its writes
 * commit or roll back with the change), a {@code @TransactionalEventListener} sees only committed changes.
 */
public record RunStatusChanged(UUID runId, RunStatus from, RunStatus to) {
}
