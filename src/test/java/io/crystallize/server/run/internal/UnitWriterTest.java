package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unit writer against the real database (H2 and PostgreSQL): batches of the configured size, the interval,
 * flush, duplicates left out, and the run's counters equal to the stored units.
 */
@SpringBootTest(properties = {"crystallize.run-store.batch-size=7", "crystallize.run-store.batch-interval=1h"
})
class UnitWriterTest {

    @Autowired
    UnitStore store;
    @Autowired
    UnitRows rows;
    @Autowired
    JdbcTemplate jdbc;

    UUID runId;

    @BeforeEach
    void run() {
        runId = RunRows.insert(jdbc, "RUNNING", "[\"baseline\",\"t\"]");
    }

    private static UnitOutcome completed(int replicate, String condition) {
        return UnitOutcome.completed(replicate, condition, 42L + replicate,
                Map.of("mean", List.of(new MetricValue(replicate + 0.5, Map.of()))));
    }

    private long stored() {
        return StoredUnits.of(jdbc, runId).size();
    }

    /** completed, failed, skipped: the run row's counters. */
    private List<Long> counters() {
        return jdbc.queryForObject("select completed_units, failed_units, skipped_units from run where id = ?",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), runId);
    }

    @Test
    void aFullBatchIsStoredWithoutWaitingForTheIntervalAndTheRestOnFlush() {
        try (UnitWriter writer = store.writer(runId, "node-a")) {
            for (int r = 0; r < 10; r++) {
                writer.onUnit(completed(r, "baseline"));
            }
            // batch-size 7 and an interval of an hour: the first 7 are stored because the batch is full.
            await().atMost(Duration.ofSeconds(10)).until(() -> stored() >= 7);
            assertThat(stored()).isEqualTo(7);
            writer.flush();
            assertThat(stored()).isEqualTo(10);
        }
        assertThat(counters()).containsExactly(10L, 0L, 0L);
    }

    @Test
    void closingStoresWhatIsQueued() {
        try (UnitWriter writer = store.writer(runId, "node-a")) {
            writer.onUnit(completed(0, "baseline"));
            writer.onUnit(UnitOutcome.failed(0, "t", 42L, new UnitError("java.lang.IllegalStateException", "boom", "trace")));
            writer.onUnit(UnitOutcome.skipped(1, "t", "baseline of replicate 1 did not complete"));
        }
        assertThat(stored()).isEqualTo(3);
        assertThat(counters()).containsExactly(1L, 1L, 1L);
        assertThat(StoredUnits.one(jdbc, runId, 0, "t").errorMessage()).isEqualTo("boom");
    }

    @Test
    void duplicatesAreLeftOutByTheDatabaseAndNotCountedTwice() {
        try (UnitWriter first = store.writer(runId, "node-a")) {
            for (int r = 0; r < 5; r++) {
                first.onUnit(completed(r, "baseline"));
            }
            first.flush();
            assertThat(first.insertedAll()).isTrue();
        }
        // A unit group executed again (e.g. its node was thought dead): the same units, plus new ones, in one batch.
        try (UnitWriter again = store.writer(runId, "node-b")) {
            for (int r = 0; r < 8; r++) {
                again.onUnit(completed(r, "baseline"));
            }
            again.onUnit(completed(3, "t"));
            again.flush();
            assertThat(again.insertedAll()).as("5 of its units were stored before").isFalse();
        }
        assertThat(stored()).isEqualTo(9);
        assertThat(counters()).containsExactly(9L, 0L, 0L);
        assertThat(StoredUnits.one(jdbc, runId, 2, "baseline").node()).as("the first stored outcome is kept").isEqualTo("node-a");
        java.util.concurrent.atomic.AtomicReference<UnitRows.Row> last = new java.util.concurrent.atomic.AtomicReference<>();
        assertThat(rows.insert(runId, List.of(rows.row(completed(0, "baseline"), last), rows.row(completed(1, "baseline"), last)),
                "node-c", new UnitRows.Stored())).containsExactly(false, false);
    }

    @Test
    void unitsOfARunThatIsGoneAreNotStored() {
        UUID gone = UUID.randomUUID();
        java.util.concurrent.atomic.AtomicReference<UnitRows.Row> last = new java.util.concurrent.atomic.AtomicReference<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.insert(gone, List.of(rows.row(completed(0, "baseline"), last)),
                "node-a", new UnitRows.Stored())).as("the lock of the run's row finds no run").isInstanceOf(
                org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException.class);
        assertThat(StoredUnits.of(jdbc, gone)).as("nothing is stored").isEmpty();
    }

    @Test
    void twoWritersStoringTheSameUnitsAtOnceStoreEachOnce() throws Exception {
        Thread[] threads = new Thread[2];
        for (int w = 0; w < threads.length; w++) {
            String node = "node-" + w;
            threads[w] = new Thread(() -> {
                try (UnitWriter writer = store.writer(runId, node)) {
                    for (int r = 0; r < 100; r++) {
                        writer.onUnit(completed(r, "baseline"));
                    }
                }
            });
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(stored()).isEqualTo(100);
        assertThat(counters()).containsExactly(100L, 0L, 0L);
    }

    @Test
    void resumeCopiesTheCompletedUnitsWithinTheNewRunAndCountsThem() {
        try (UnitWriter writer = store.writer(runId, "node-a")) {
            for (int r = 0; r < 6; r++) {
                writer.onUnit(completed(r, "baseline"));
                writer.onUnit(completed(r, "t"));
            }
            writer.onUnit(UnitOutcome.failed(6, "baseline", 1L, new UnitError("E", "m", null)));
        }
        UUID resumed = UUID.randomUUID();
        jdbc.update("insert into run (id, experiment_id, status, version, fingerprint, replicates, conditions_json, "
                + "strategy, debug, cancel_requested, created_at, row_version) select ?, experiment_id, 'QUEUED', 0, 'f', 4, "
                + "'[\"baseline\"]', 'resume', false, false, created_at, 0 from run where id = ?", resumed, runId);
        assertThat(store.copyCompleted(runId, resumed, 4, List.of("baseline"))).isEqualTo(4);
        assertThat(jdbc.queryForObject("select completed_units from run where id = ?", Long.class, resumed)).isEqualTo(4);
    }
}
