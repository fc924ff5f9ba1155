package io.crystallize.server.run;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.List;
import java.util.UUID;

/**
 * Reading runs, for modules that show them (the dashboard): the same views the HTTP API returns.
 * Each method throws {@link io.crystallize.server.problem.NotFoundException} for an unknown run.
 */
public interface RunQueries {

    RunView get(UUID runId);

    /** Runs newest first; a null experiment or an empty or null set of statuses does not filter. */
    Page<RunView> list(UUID experimentId, java.util.Collection<RunStatus> statuses, Pageable pageable);

    /** A finished run's results; a conflict before it finished. */
    ResultsView results(UUID runId);

    /** The run's own log lines, oldest first. */
    List<String> logs(UUID runId);
}
