package io.crystallize.server.run.internal;

import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.engine.UnitListener;
import io.crystallize.server.engine.UnitOutcome;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The writer of one run's units on this node: units that end are queued and a thread of the writer's own
 * stores them in batches ({@link UnitRows}), so the engine computes the next units while the last ones are
 * written. {@link #flush()} waits until every unit queued so far is stored; cancel, hand-back, the end of a
 * unit group and the end of a run flush first. When the database fails for good, the next unit (or flush)
 * throws {@link RunInterruptedException}: the run is handed back and the units not stored run again.
 */
final class UnitWriter implements UnitListener, AutoCloseable {

    /** Marks where a flush was asked: the batch before it is stored at once. */
    private static final UnitOutcome FLUSH = UnitOutcome.skipped(-1, "", "flush");
    private static final UnitOutcome STOP = UnitOutcome.skipped(-1, "", "stop");
    private static final int ATTEMPTS = 5;

    private final UUID runId;
    private final String node;
    private final UnitRows rows;
    private final RunStoreProperties props;
    private final BlockingQueue<UnitOutcome> queue;
    private final AtomicReference<UnitRows.Row> lastRow = new AtomicReference<>();
    /** The run's units this writer stored or found stored: read and written on the writer's thread only. */
    private final UnitRows.Stored stored = new UnitRows.Stored();
    private final Thread thread;
    private final Object progress = new Object();
    private long queued;
    private long written;
    /** Units this writer found stored already (by an earlier execution or another node): not inserted again. */
    private long storedBefore;
    private volatile RuntimeException failure;

    UnitWriter(UUID runId, String node, UnitRows rows, RunStoreProperties props) {
        this.runId = runId;
        this.node = node;
        this.rows = rows;
        this.props = props;
        this.queue = new ArrayBlockingQueue<>(props.queueCapacity() + 2);
        this.thread = new Thread(this::loop, "units-" + runId.toString().substring(0, 8));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onUnit(UnitOutcome outcome) {
        synchronized (progress) {
            queued++;
        }
        put(outcome);
    }

    /**
     * True when every unit this writer stored so far was inserted by it: none had been stored before (by an
     * earlier execution of the run or by another node). Asked after {@link #flush()}.
     */
    boolean insertedAll() {
        synchronized (progress) {
            return storedBefore == 0;
        }
    }

    /** Waits until every unit queued before this call is stored (uninterruptibly: it takes one batch at most). */
    void flush() {
        long target;
        synchronized (progress) {
            target = queued;
        }
        put(FLUSH);
        boolean interrupted = false;
        synchronized (progress) {
            while (written < target && failure == null) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        throwIfFailed();
    }

    /** Stores what is queued and stops the writer's thread. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            put(STOP);
        }
    }

    private void put(UnitOutcome item) {
        throwIfFailed();
        boolean interrupted = false;
        try {
            // Bounded: a producer faster than the database waits here; a dead writer is noticed within 100 ms.
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            if (item != FLUSH && item != STOP) {
                // The node is shutting down: this unit is not stored and runs again where the run resumes.
                Thread.currentThread().interrupt();
                throw new RunInterruptedException(e);
            }
            queue.offer(item);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new RunInterruptedException(failure);
        }
    }

    private void loop() {
        List<UnitOutcome> batch = new ArrayList<>(props.batchSize());
        try {
            while (true) {
                UnitOutcome first = queue.take();
                boolean stop = first == STOP;
                if (first != FLUSH && !stop) {
                    batch.add(first);
                    stop = collect(batch);
                }
                store(batch);
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("the unit writer of run " + runId + " was interrupted");
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Adds units until the batch is full, its interval is over, or a flush or stop comes; true on stop. */
    private boolean collect(List<UnitOutcome> batch) throws InterruptedException {
        long deadline = System.nanoTime() + props.batchInterval().toNanos();
        while (batch.size() < props.batchSize()) {
            UnitOutcome next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null || next == FLUSH) {
                return false;
            }
            if (next == STOP) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void store(List<UnitOutcome> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // The JSON of the units' metrics and provenance is written here: the run's own thread is the one a
        // serial run waits for, and this one has time between its batches (a JFR profile of a serial run).
        List<UnitRows.Row> units = new ArrayList<>(batch.size());
        for (UnitOutcome outcome : batch) {
            units.add(rows.row(outcome, lastRow));
        }
        int before = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                for (boolean inserted : rows.insert(runId, units, node, stored)) {
                    before += inserted ? 0 : 1;
                }
                break;
            } catch (TransientDataAccessException | DataIntegrityViolationException e) {
                // A lock timeout or a dropped connection: the batch was rolled back and is still good.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
        synchronized (progress) {
            written += batch.size();
            storedBefore += before;
            progress.notifyAll();
        }
        batch.clear();
    }
}
