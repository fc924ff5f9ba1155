package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.crystallize.server.run.UnitHandOff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The unit groups of a distributed run, kept in {@code run_unit_task}: its replicates cut into groups, each a
 * db-scheduler task any node may execute; when the last group finishes, the run's completion is scheduled (once:
 * the completion task instance is keyed by the run id).
 */
@Component
class UnitGroups implements UnitHandOff {

    /** One group's replicates, inclusive. */
    record Group(int index, int firstReplicate, int lastReplicate) {
        List<Integer> replicates() {
            return IntStream.rangeClosed(firstReplicate, lastReplicate).boxed().toList();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    // Lazily: the scheduler depends on the task beans, which depend (through the catalog) on this.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    UnitGroups(JdbcTemplate jdbc, TransactionTemplate tx, ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Writes the groups and schedules the unfinished ones, in one transaction. */
    @Override
    public int handOff(UUID runId, int replicates, int conditions, int unitsPerTask) {
        int perTask = Math.max(1, unitsPerTask / Math.max(1, conditions));
        return tx.execute(s -> {
            int index = 0;
            for (int first = 0; first < replicates; first += perTask, index++) {
                int last = Math.min(replicates, first + perTask) - 1;
                jdbc.update("insert into run_unit_task (run_id, task_index, first_replicate, last_replicate, finished) "
                        + "select ?, ?, ?, ?, false where not exists "
                        + "(select 1 from run_unit_task where run_id = ? and task_index = ?)",
                        runId, index, first, last, runId, index);
            }
            for (Group g : unfinished(runId)) {
                scheduler.getObject().scheduleIfNotExists(RunTasks.UNITS.instance(runId + "/" + g.index())
                        .data(runId + "/" + g.index()).scheduledTo(clock.instant()));
            }
            return index;
        });
    }

    Group group(UUID runId, int index) {
        return jdbc.queryForObject("select task_index, first_replicate, last_replicate from run_unit_task "
                + "where run_id = ? and task_index = ?", (rs, i) -> new Group(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
                runId, index);
    }

    private List<Group> unfinished(UUID runId) {
        return jdbc.query("select task_index, first_replicate, last_replicate from run_unit_task "
                + "where run_id = ? and finished = false order by task_index",
                (rs, i) -> new Group(rs.getInt(1), rs.getInt(2), rs.getInt(3)), runId);
    }

    /** Marks a group finished; when none is left, schedules the run's completion (exactly one instance). */
    void finished(UUID runId, int index) {
        tx.executeWithoutResult(s -> jdbc.update(
                "update run_unit_task set finished = true where run_id = ? and task_index = ?", runId, index));
        Integer left = jdbc.queryForObject("select count(*) from run_unit_task where run_id = ? and finished = false",
                Integer.class, runId);
        if (left != null && left == 0) {
            scheduler.getObject().scheduleIfNotExists(RunTasks.COMPLETE.instance(runId.toString())
                    .data(runId.toString()).scheduledTo(clock.instant()));
        }
    }
}
