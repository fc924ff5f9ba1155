package io.crystallize.server.events;

import io.crystallize.server.run.FailedUnit;
import io.crystallize.server.run.RunView;

import java.util.List;

/** What one tick read of a run: its view, and every failed unit seen so far (positions at most the view's count). */
record Snapshot(RunView view, List<FailedUnit> failed) {

    /** Units that have ended (completed, failed or skipped): the {@code n} of the event ids. */
    long ended() {
        RunView.Progress p = view.progress();
        return p.completedUnits() + p.failedUnits() + p.skippedUnits();
    }
}
