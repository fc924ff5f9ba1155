package io.crystallize.server.run.internal;

import io.crystallize.server.engine.RunLog;
import io.crystallize.server.run.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's own log: each line goes to the server log (logger {@code crystallize}) and to the run's stored
 * log, up to {@code crystallize.execution.max-log-lines} lines per run (then one truncation line).
 */
@Component
class RunLogStore {

    private static final Logger log = LoggerFactory.getLogger("crystallize");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxLines;

    RunLogStore(JdbcTemplate jdbc, Clock clock, ExecutionProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLines = props.maxLogLines();
    }

    RunLog forRun(UUID runId) {
        Integer existing = jdbc.queryForObject("select count(*) from run_log where run_id = ?", Integer.class, runId);
        AtomicInteger written = new AtomicInteger(existing == null ? 0 : existing);
        return (level, message) -> {
            serverLog(runId, level, message);
            int n = written.incrementAndGet();
            if (n < maxLines) {
                insert(runId, level, message);
            } else if (n == maxLines) {
                insert(runId, RunLog.Level.WARN, "log truncated: more than " + maxLines + " lines "
                        + "(crystallize.execution.max-log-lines); the rest is in the server log only");
            }
        };
    }

    private void insert(UUID runId, RunLog.Level level, String message) {
        try {
            jdbc.update("insert into run_log (run_id, logged_at, level, message) values (?, ?, ?, ?)",
                    runId, Timestamp.from(clock.instant()), level.name(), message);
        } catch (DataAccessException e) {
            // A log line must never fail a run; the server log above still has it.
            log.warn("[run {}] could not store a log line: {}", runId, e.getMessage());
        }
    }

    private static void serverLog(UUID runId, RunLog.Level level, String message) {
        switch (level) {
            case DEBUG -> log.debug("[run {}] {}", runId, message);
            case INFO -> log.info("[run {}] {}", runId, message);
            case WARN -> log.warn("[run {}] {}", runId, message);
            case ERROR -> log.error("[run {}] {}", runId, message);
        }
    }

    /** The stored lines as data, oldest first. */
    List<LogLine> entries(UUID runId) {
        return jdbc.query("select logged_at, level, message from run_log where run_id = ? order by id",
                (rs, i) -> new LogLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)), runId);
    }

    /** The stored lines, oldest first: {@code <time> <LEVEL> <message>}. */
    List<String> lines(UUID runId) {
        return jdbc.query("select logged_at, level, message from run_log where run_id = ? order by id",
                (rs, i) -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2) + " " + rs.getString(3), runId);
    }
}
