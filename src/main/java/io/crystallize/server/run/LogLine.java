package io.crystallize.server.run;

import java.time.Instant;

/** One stored line of a run's own log, as {@code GET /api/runs/{id}/logs} with {@code Accept: application/json} shows it. */
public record LogLine(Instant at, String level, String message) {
}
