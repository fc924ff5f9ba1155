package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unit rows' queries on the suite's database: order, existence, failed units after a row, counts per status. */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RunUnitRepositoryTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    RunUnitRepository units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestEntityManager entities;

    @Test
    void unitsComeInReplicateOrderAndExistByTheirKey() {
        UUID run = RunRows.insert(jdbc, "RUNNING", "[\"baseline\",\"t\"]");
        save(completed(run, 2, "baseline"));
        save(completed(run, 0, "t"));
        save(completed(run, 1, "baseline"));
        save(completed(RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]"), 0, "baseline"));

        assertThat(units.findByRunIdOrderByReplicateAsc(run)).extracting(RunUnit::getReplicate).containsExactly(0, 1, 2);
        assertThat(units.existsByRunIdAndReplicateAndCondition(run, 0, "t")).isTrue();
        assertThat(units.existsByRunIdAndReplicateAndCondition(run, 0, "baseline")).isFalse();
        assertThat(units.existsByRunIdAndReplicateAndCondition(UUID.randomUUID(), 0, "t")).isFalse();
    }

    @Test
    void failedUnitsAfterARowCarryTheirPositionAmongAllTheRunsUnits() {
        UUID run = RunRows.insert(jdbc, "RUNNING", "[\"baseline\",\"t\"]");
        save(completed(run, 0, "baseline"));
        RunUnit first = save(failed(run, 0, "t", "ValueError", "bad input"));
        save(completed(run, 1, "baseline"));
        RunUnit second = save(failed(run, 1, "t", "KeyError", "no 'x'"));
        save(failed(RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]"), 0, "baseline", "Other", "elsewhere"));

        List<Object[]> all = units.failedAfter(run, 0);
        assertThat(all).hasSize(2);
        // (row id, position, replicate, condition, error type, message); positions count every unit of the run.
        assertThat(all.get(0)).containsExactly(id(first), 2L, 0, "t", "ValueError", "bad input");
        assertThat(all.get(1)).containsExactly(id(second), 4L, 1, "t", "KeyError", "no 'x'");
        assertThat(units.failedAfter(run, id(first))).extracting(row -> row[0]).containsExactly(id(second));
        assertThat(units.failedAfter(run, id(second))).isEmpty();
    }

    @Test
    void countsPerRunAndStatus() {
        UUID a = RunRows.insert(jdbc, "RUNNING", "[\"baseline\",\"t\"]");
        UUID b = RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]");
        UUID ignored = RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]");
        save(completed(a, 0, "baseline"));
        save(completed(a, 0, "t"));
        save(failed(a, 1, "t", "E", "m"));
        save(failed(b, 0, "baseline", "E", "m"));
        save(completed(ignored, 0, "baseline"));

        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : units.countByStatus(List.of(a, b))) {
            counts.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
        }
        assertThat(counts).containsOnly(Map.entry(a + "/COMPLETED", 2L), Map.entry(a + "/FAILED", 1L),
                Map.entry(b + "/FAILED", 1L));
    }

    @Test
    void aUnitIsStoredOncePerRunReplicateAndCondition() {
        UUID run = RunRows.insert(jdbc, "RUNNING", "[\"baseline\"]");
        save(completed(run, 0, "baseline"));

        assertThatThrownBy(() -> save(failed(run, 0, "baseline", "E", "again")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** The row id (the entity does not expose it). */
    private long id(RunUnit unit) {
        return entities.getId(unit, Long.class);
    }

    private RunUnit save(RunUnit unit) {
        return units.saveAndFlush(unit);
    }

    private static RunUnit completed(UUID run, int replicate, String condition) {
        return new RunUnit(run, replicate, condition, UnitStatus.COMPLETED, 7L, "{\"mean\":[1.0]}", null, null, null,
                "node-a", T0);
    }

    private static RunUnit failed(UUID run, int replicate, String condition, String type, String message) {
        return new RunUnit(run, replicate, condition, UnitStatus.FAILED, 7L, "{}", type, message, "trace", "node-a", T0);
    }
}
