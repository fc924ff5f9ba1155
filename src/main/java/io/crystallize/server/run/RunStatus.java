package io.crystallize.server.run;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A run's status and, in one place, the transitions allowed between them. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
            // RUNNING → RUNNING: a run picked up again after its node died resumes where it was.
            RUNNING, EnumSet.of(RUNNING, COMPLETED, FAILED, CANCELLED),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    public boolean canBecome(RunStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
