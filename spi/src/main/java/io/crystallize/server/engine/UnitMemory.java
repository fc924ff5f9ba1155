package io.crystallize.server.engine;

/** One unit's share of the node's {@link MemoryBudget}; closed (everything released) when the unit ends. */
public final class UnitMemory implements AutoCloseable {

    /** A unit of plain engine use: reserves nothing. */
    public static final UnitMemory UNBOUNDED = new UnitMemory(MemoryBudget.unlimited(), new CancellationToken());

    private final MemoryBudget budget;
    private final CancellationToken token;
    private long held;

    UnitMemory(MemoryBudget budget, CancellationToken token) {
        this.budget = budget;
        this.token = token;
    }

    /**
     * Reserves {@code bytes} more before allocating them, waiting while other units hold the budget. Fails at once
     * when the unit alone would need more than the whole budget.
     */
    public synchronized void reserve(long bytes) throws InterruptedException {
        if (bytes <= 0 || budget.capacity() == Long.MAX_VALUE) {
            return;
        }
        budget.acquire(bytes, token, held > 0);
        held += bytes;
    }

    @Override
    public synchronized void close() {
        budget.release(held);
        held = 0;
    }
}
