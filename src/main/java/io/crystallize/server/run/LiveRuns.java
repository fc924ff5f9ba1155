package io.crystallize.server.run;

import java.util.List;
import java.util.UUID;

/** What modules that follow runs as they execute (event streams, webhooks) read of them. */
public interface LiveRuns {

    /**
     * The run as {@code GET /api/runs/{id}} shows it, read from the database.
     *
     * @throws io.crystallize.server.problem.NotFoundException when there is no such run
     */
    RunView get(UUID runId);

    /**
     * The run's failed units stored after unit row {@code afterRow}, in storage order, each with its position
     * among all the run's stored units.
     */
    List<FailedUnit> failedUnits(UUID runId, long afterRow);
}
