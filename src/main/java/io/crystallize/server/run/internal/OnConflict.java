package io.crystallize.server.run.internal;

import org.springframework.dao.OptimisticLockingFailureException;

import java.util.function.Supplier;

/**
 * Retries a short transaction that lost an optimistic-lock race on a run (e.g. a cancel request landing
 * while the run's node records its end): the loser reads the fresh row and applies its change again.
 */
final class OnConflict {

    static final int ATTEMPTS = 5;

    private OnConflict() {
    }

    static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
