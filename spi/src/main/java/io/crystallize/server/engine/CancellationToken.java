package io.crystallize.server.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Cooperative cancellation: units check it at step boundaries; sleeping steps wait on it. */
public final class CancellationToken {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException();
        }
    }

    /** Sleeps up to {@code millis}, returning early (with {@link RunCancelledException}) when cancelled. */
    public void sleep(long millis) throws InterruptedException {
        if (cancelled.await(millis, TimeUnit.MILLISECONDS)) {
            throw new RunCancelledException();
        }
    }

    /** Thrown when a unit stops because its run was cancelled. */
    public static final class RunCancelledException extends RuntimeException {
        public RunCancelledException() {
            super("run cancelled");
        }
    }
}
