package io.crystallize.server.events;

import io.crystallize.server.run.FailedUnit;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One open stream's position, and the events it still needs given a {@link Snapshot}. Event ids are derived from
 * stored state, so any node computes the same ones and {@code Last-Event-ID} resumes anywhere: an event about
 * the moment the run had {@code n} ended units has id {@code 8n + slot}, with slot 0 {@code unit-failed} (n = the
 * unit's position among the run's stored units), 1 {@code status} QUEUED, 2 {@code status} RUNNING,
 * 3 {@code progress}, 5 the final {@code status}, 6 {@code finished}. Ids only grow along a stream.
 * <p>
 * Units stored concurrently may become visible out of their storage order; a failure that shows up after the
 * stream moved past its id is still sent, once, without an id (the client's {@code Last-Event-ID} stays put).
 */
final class Subscriber {

    static final int FAILED = 0;
    static final int QUEUED = 1;
    static final int RUNNING = 2;
    static final int PROGRESS = 3;
    static final int FINAL = 5;
    static final int FINISHED = 6;

    private final long resumedAfter;
    private final boolean fresh;
    private final Set<Long> sentFailures = new HashSet<>();
    private long lastId;
    /** The furthest status the client has seen: 0 none, 1 QUEUED, 2 RUNNING, 3 final. */
    private int seen;
    private boolean done;

    /** A stream that starts after {@code lastEventId} (null: from the start). */
    Subscriber(Long lastEventId) {
        this.fresh = lastEventId == null;
        this.resumedAfter = fresh ? -1 : lastEventId;
        this.lastId = resumedAfter;
        this.seen = fresh ? 0 : seenBy(lastEventId);
    }

    private static int seenBy(long id) {
        int slot = (int) (id % 8);
        return slot == QUEUED ? 1 : slot >= FINAL ? 3 : 2;
    }

    boolean isDone() {
        return done;
    }

    /** The events this stream has not had yet, in order; after {@code finished} the stream is done. */
    List<StreamEvent> next(Snapshot snapshot) {
        List<StreamEvent> out = new ArrayList<>();
        if (done) {
            return out;
        }
        RunView view = snapshot.view();
        long n = snapshot.ended();
        RunStatus status = view.status();
        if (status.isFinished() && fresh && lastId < 0) {
            // A finished run's stream says so at once (API.md), without replaying its history.
            return finish(out, view, n);
        }
        if (status == RunStatus.QUEUED) {
            if (seen < 1) {
                emit(out, 8 * n + QUEUED, StreamEvent.STATUS, view);
                seen = 1;
            }
            return out;
        }
        for (FailedUnit f : snapshot.failed()) {
            long id = 8 * f.position() + FAILED;
            if (id > resumedAfter && sentFailures.add(f.row())) {
                StreamEvent.UnitFailure data = new StreamEvent.UnitFailure(f.key(), f.type(), f.message());
                if (id > lastId) {
                    emit(out, id, StreamEvent.UNIT_FAILED, data);
                } else {
                    out.add(new StreamEvent(null, StreamEvent.UNIT_FAILED, data));
                }
            }
        }
        if (status == RunStatus.RUNNING && seen < 2) {
            emit(out, 8 * n + RUNNING, StreamEvent.STATUS, view);
            seen = 2;
        }
        if (8 * n + PROGRESS > lastId) {
            emit(out, 8 * n + PROGRESS, StreamEvent.PROGRESS, view.progress());
        }
        if (status.isFinished()) {
            if (seen < 3) {
                emit(out, 8 * n + FINAL, StreamEvent.STATUS, view);
                seen = 3;
            }
            finish(out, view, n);
        }
        return out;
    }

    private List<StreamEvent> finish(List<StreamEvent> out, RunView view, long n) {
        out.add(new StreamEvent(Long.toString(8 * n + FINISHED), StreamEvent.FINISHED, view));
        lastId = Math.max(lastId, 8 * n + FINISHED);
        done = true;
        return out;
    }

    private void emit(List<StreamEvent> out, long id, String name, Object data) {
        out.add(new StreamEvent(Long.toString(id), name, data));
        lastId = id;
    }
}
