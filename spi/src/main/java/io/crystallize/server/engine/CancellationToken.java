package io.crystallize.server.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cooperative cancellation and time limits: units check it at step boundaries; sleeping steps wait on it. A run's
 * token may carry a deadline (past it the run fails, {@link RunTimeoutException}); each unit works with a child
 * token ({@link #forUnit}) that shares the run's cancellation and adds the unit's own deadline (past it that unit
 * fails, {@link UnitTimeoutException}). Deadlines are wall-clock instants, so every node of a distributed run
 * agrees on them.
 */
public final class CancellationToken {

    private final CountDownLatch cancelled;
    private final CancellationToken run;
    private volatile long runDeadline = Long.MAX_VALUE;
    private volatile String runLimit = "";
    private final long unitDeadline;
    private final String unitLimit;

    public CancellationToken() {
        this(new CountDownLatch(1), null, Long.MAX_VALUE, "");
    }

    private CancellationToken(CountDownLatch cancelled, CancellationToken run, long unitDeadline, String unitLimit) {
        this.cancelled = cancelled;
        this.run = run;
        this.unitDeadline = unitDeadline;
        this.unitLimit = unitLimit;
    }

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** From {@code deadline} on, this run fails with {@code limit} (e.g. the property that set it) as the cause. */
    public void failRunAt(Instant deadline, String limit) {
        runDeadline = deadline.toEpochMilli();
        runLimit = limit;
    }

    /** A unit's token: the run's cancellation and deadline, plus {@code timeout} for the unit (null: none). */
    public CancellationToken forUnit(Duration timeout, String limit) {
        long deadline = timeout == null ? Long.MAX_VALUE : saturatedAdd(System.currentTimeMillis(), timeout.toMillis());
        return new CancellationToken(cancelled, run == null ? this : run, deadline, limit);
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException();
        }
        long now = System.currentTimeMillis();
        CancellationToken r = run == null ? this : run;
        if (now >= r.runDeadline) {
            throw new RunTimeoutException("the run exceeded its time limit (" + r.runLimit + ")");
        }
        if (now >= unitDeadline) {
            throw new UnitTimeoutException("the unit exceeded its time limit (" + unitLimit + ")");
        }
    }

    /**
     * Sleeps up to {@code millis}, returning early with {@link RunCancelledException} when cancelled, or with a
     * time-limit exception when a deadline comes first.
     */
    public void sleep(long millis) throws InterruptedException {
        throwIfCancelled();
        long now = System.currentTimeMillis();
        long end = saturatedAdd(now, millis);
        long limit = Math.min(unitDeadline, (run == null ? this : run).runDeadline);
        long wait = Math.min(end, limit) - now;
        if (cancelled.await(Math.max(0, wait), TimeUnit.MILLISECONDS)) {
            throw new RunCancelledException();
        }
        if (limit < end) {
            throwIfCancelled();
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Thrown when a unit stops because its run was cancelled. */
    public static final class RunCancelledException extends RuntimeException {
        public RunCancelledException() {
            super("run cancelled");
        }
    }

    /** A unit ran past its time limit: that unit fails, the run goes on. */
    public static final class UnitTimeoutException extends RuntimeException {
        public UnitTimeoutException(String message) {
            super(message);
        }
    }

    /** The run ran past its time limit: the run fails with this as the cause. */
    public static final class RunTimeoutException extends RuntimeException {
        public RunTimeoutException(String message) {
            super(message);
        }
    }
}
