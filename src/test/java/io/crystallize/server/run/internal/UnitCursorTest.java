package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.run.FailedUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of a run's unit batches on the suite's database (H2 or PostgreSQL): batches that overlap, as a parallel
 * writer's do, come out merged by replicate then condition in run order; pages, filters and counts; failed units
 * after a row with their positions among all the run's units.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class UnitCursorTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> CONDITIONS = List.of("baseline", "t");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    UnitCursor cursor;
    UUID run;

    @BeforeEach
    void cursor() {
        cursor = new UnitCursor(dataSource, new TransactionTemplate(transactions));
        run = RunRows.insert(jdbc, "RUNNING", "[\"baseline\",\"t\"]");
    }

    @Test
    void overlappingBatchesComeOutByReplicateThenConditionInRunOrder() {
        // As a parallel writer stores them: each batch holds units out of order, and ranges overlap.
        batch(run, completed(2, "t"), completed(0, "t"), completed(1, "baseline"), completed(0, "baseline"));
        batch(run, completed(1, "t"), completed(3, "baseline"), completed(2, "baseline"));
        batch(run, completed(4, "t"), completed(3, "t"), completed(4, "baseline"));
        batch(RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]"), completed(0, "baseline"));

        assertThat(keys(0, -1, UnitCursor.Filter.ALL)).containsExactly("0/baseline", "0/t", "1/baseline", "1/t",
                "2/baseline", "2/t", "3/baseline", "3/t", "4/baseline", "4/t");
        assertThat(keys(3, 4, UnitCursor.Filter.ALL)).containsExactly("1/t", "2/baseline", "2/t", "3/baseline");
        assertThat(keys(9, 5, UnitCursor.Filter.ALL)).containsExactly("4/t");
        assertThat(cursor.count(run, UnitCursor.Filter.ALL)).isEqualTo(10);

        List<String> metrics = new ArrayList<>();
        cursor.metrics(run, (condition, json) -> metrics.add(condition + json));
        assertThat(metrics).hasSize(10).first().isEqualTo("baseline{\"r\":0}");
    }

    @Test
    void filtersAndTheirCountsReadOnlyTheUnitsAsked() {
        batch(run, completed(0, "baseline"), failed(0, "t", "E", "m0"), skipped(1, "t"), unseeded(1, "baseline"));
        batch(run, completed(2, "baseline"), completed(2, "t"));

        assertThat(keys(0, -1, UnitCursor.Filter.FAILED)).containsExactly("0/t");
        assertThat(keys(0, -1, UnitCursor.Filter.SKIPPED)).containsExactly("1/t");
        assertThat(keys(0, -1, UnitCursor.Filter.WITH_SEED)).containsExactly("0/baseline", "0/t", "2/baseline", "2/t");
        assertThat(cursor.count(run, UnitCursor.Filter.FAILED)).isEqualTo(1);
        assertThat(cursor.count(run, UnitCursor.Filter.SKIPPED)).isEqualTo(1);
        assertThat(cursor.count(run, UnitCursor.Filter.WITH_SEED)).isEqualTo(4);
        List<UnitCursor.Row> failed = new ArrayList<>();
        cursor.forEach(run, CONDITIONS, UnitCursor.Filter.FAILED, true, 0, -1, failed::add);
        assertThat(failed).singleElement().satisfies(u -> {
            assertThat(u.errorType()).isEqualTo("E");
            assertThat(u.errorMessage()).isEqualTo("m0");
            assertThat(u.errorTrace()).isEqualTo("trace");
            assertThat(u.node()).isEqualTo("node-a");
            assertThat(u.finishedAt().toInstant()).isEqualTo(T0);
        });
    }

    @Test
    void failedUnitsAfterARowCarryTheirPositionAmongAllTheRunsUnits() {
        batch(run, completed(0, "baseline"), failed(0, "t", "ValueError", "bad input"));
        batch(run, completed(1, "baseline"), failed(1, "t", "KeyError", "no 'x'"), failed(2, "t", "E", "third"));
        batch(RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]"), failed(0, "baseline", "Other", "elsewhere"));

        List<FailedUnit> all = cursor.failedAfter(run, 0);
        assertThat(all).extracting(FailedUnit::position, FailedUnit::key, FailedUnit::type, FailedUnit::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "t_rep_0", "ValueError", "bad input"),
                        org.assertj.core.groups.Tuple.tuple(4L, "t_rep_1", "KeyError", "no 'x'"),
                        org.assertj.core.groups.Tuple.tuple(5L, "t_rep_2", "E", "third"));
        assertThat(cursor.failedAfter(run, all.get(0).row())).extracting(FailedUnit::position).containsExactly(4L, 5L);
        assertThat(cursor.failedAfter(run, all.get(1).row())).extracting(FailedUnit::position).containsExactly(5L);
        assertThat(cursor.failedAfter(run, all.get(2).row())).isEmpty();
    }

    private List<String> keys(long offset, int limit, UnitCursor.Filter filter) {
        List<String> keys = new ArrayList<>();
        cursor.forEach(run, CONDITIONS, filter, false, offset, limit, u -> keys.add(u.replicate() + "/" + u.condition()));
        return keys;
    }

    private void batch(UUID runId, UnitBatch.Unit... units) {
        jdbc.update(UnitBatch.INSERT, ps -> UnitBatch.bind(ps, runId, Arrays.asList(units)));
    }

    private static UnitBatch.Unit completed(int replicate, String condition) {
        return new UnitBatch.Unit(replicate, condition, UnitStatus.COMPLETED, 7L, "{\"r\":" + replicate + "}", null,
                null, null, "node-a", T0, 0, null);
    }

    private static UnitBatch.Unit unseeded(int replicate, String condition) {
        return new UnitBatch.Unit(replicate, condition, UnitStatus.COMPLETED, null, "{}", null, null, null, "node-a",
                T0, 0, null);
    }

    private static UnitBatch.Unit failed(int replicate, String condition, String type, String message) {
        return new UnitBatch.Unit(replicate, condition, UnitStatus.FAILED, 7L, "{}", type, message, "trace", "node-a",
                T0, 0, null);
    }

    private static UnitBatch.Unit skipped(int replicate, String condition) {
        return new UnitBatch.Unit(replicate, condition, UnitStatus.SKIPPED, null, "{}", null, null, null, "node-a",
                T0, 0, null);
    }
}
