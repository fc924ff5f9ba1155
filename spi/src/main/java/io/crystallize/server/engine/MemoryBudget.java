package io.crystallize.server.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes that the data of all units executing on a node may hold at once. A unit reserves what it is about to
 * allocate ({@link UnitMemory#reserve}) and gives it all back when it ends, so a node runs as many large units at
 * once as fit and the others wait (checking cancellation and their deadline): large data cannot exhaust the heap,
 * which would take the HTTP stack down with it.
 */
public final class MemoryBudget {

    static final long HOLDER_WAIT_MS = 10_000;

    private final long capacity;
    private final String property;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;

    /** A budget of {@code capacity} bytes; {@code property} names its setting in error messages. */
    public MemoryBudget(long capacity, String property) {
        this.capacity = capacity;
        this.property = property;
    }

    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE, "");
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now, over all units. */
    public long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The reservations of one unit, bounded by {@code token}'s cancellation and deadlines while it waits. */
    public UnitMemory open(CancellationToken token) {
        return new UnitMemory(this, token);
    }

    /**
     * Waits for {@code bytes}. A unit that already holds a share waits at most {@link #HOLDER_WAIT_MS}: units that
     * each hold some and all wait for more would otherwise wait for one another until their deadline.
     */
    void acquire(long bytes, CancellationToken token, boolean holdsSome) throws InterruptedException {
        if (bytes > capacity) {
            throw new IllegalArgumentException("the unit needs about " + mib(bytes) + " MiB of data, more than the node's "
                    + "budget of " + mib(capacity) + " MiB (" + property + ")");
        }
        lock.lockInterruptibly();
        try {
            long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLDER_WAIT_MS);
            while (used + bytes > capacity) {
                token.throwIfCancelled();
                if (holdsSome && System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the node's unit memory budget (" + property + ", " + mib(capacity)
                            + " MiB) stayed full for " + HOLDER_WAIT_MS / 1000 + " s while this unit needed "
                            + mib(bytes) + " MiB more");
                }
                released.await(100, TimeUnit.MILLISECONDS);
            }
            used += bytes;
        } finally {
            lock.unlock();
        }
    }

    void release(long bytes) {
        if (bytes == 0) {
            return;
        }
        lock.lock();
        try {
            used -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long mib(long bytes) {
        return Math.max(1, bytes >> 20);
    }
}
