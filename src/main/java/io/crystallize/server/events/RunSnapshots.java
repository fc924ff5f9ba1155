package io.crystallize.server.events;

import io.crystallize.server.run.FailedUnit;
import io.crystallize.server.run.LiveRuns;
import io.crystallize.server.run.RunView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a watched run from the database: its current view (whichever node executes it), then only the failed
 * units stored since the last read. Failures are kept per run while it is watched, so a stream opened later
 * (or resumed) gets them without reading them again.
 */
@Component
class RunSnapshots {

    /** The failures seen so far of one watched run, and the highest unit row among them. */
    private static final class Failures {
        final List<FailedUnit> seen = new ArrayList<>();
        long lastRow;
    }

    private final LiveRuns runs;
    private final Map<UUID, Failures> failures = new ConcurrentHashMap<>();

    RunSnapshots(LiveRuns runs) {
        this.runs = runs;
    }

    RunView view(UUID runId) {
        return runs.get(runId);
    }

    /**
     * The view first, then the failures: a failure stored in between is left for the next read, so every
     * failure of a snapshot lies within the view's count of ended units (the event ids rely on it).
     */
    Snapshot read(UUID runId) {
        RunView view = runs.get(runId);
        long ended = view.progress().completedUnits() + view.progress().failedUnits() + view.progress().skippedUnits();
        Failures f = failures.computeIfAbsent(runId, id -> new Failures());
        if (view.progress().failedUnits() > f.seen.size()) {
            for (FailedUnit unit : runs.failedUnits(runId, f.lastRow)) {
                if (unit.position() > ended) {
                    break;
                }
                f.seen.add(unit);
                f.lastRow = unit.row();
            }
        }
        return new Snapshot(view, List.copyOf(f.seen));
    }

    void forget(UUID runId) {
        failures.remove(runId);
    }
}
