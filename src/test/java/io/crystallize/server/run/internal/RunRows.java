package io.crystallize.server.run.internal;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A run row (and its experiment's) written straight into the database, for tests of the run store's parts. */
final class RunRows {

    private RunRows() {
    }

    /** A run of 100 replicates over {@code ["baseline","t"]}-like {@code conditionsJson}, in the admin's workspace. */
    static UUID insert(JdbcTemplate jdbc, String status, String conditionsJson) {
        UUID experimentId = UUID.randomUUID();
        UUID runId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        // In the admin's workspace, which the V12 migration creates.
        jdbc.update("insert into experiment (id, name, fingerprint, definition_json, created_at, workspace_id) "
                        + "values (?, ?, 'f', '{}', ?, '00000000-0000-0000-0000-00000000b001')",
                experimentId, "store-" + runId, now);
        jdbc.update("insert into run (id, experiment_id, status, version, fingerprint, replicates, conditions_json, "
                + "strategy, debug, cancel_requested, created_at, finished_at, row_version) "
                + "values (?, ?, ?, 0, 'f', 100, ?, 'rerun', false, false, ?, ?, 0)",
                runId, experimentId, status, conditionsJson, now, status.equals("RUNNING") ? null : now);
        return runId;
    }
}
