package io.crystallize.server.production;

import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.run.internal.UnitBatch;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V22 on the suite's database (H2 or PostgreSQL), in a schema of its own migrated to V21 first: the rows of
 * {@code run_unit} become batches of at most 2,000 units per run, in replicate order, with every field, and the
 * table is gone.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class UnitBatchMigrationTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    final String schema = "v22_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void drop() {
        jdbc.execute("drop schema \"" + schema + "\" cascade");
    }

    @Test
    void unitRowsMoveIntoBatchesOfTheirRunWithEveryField() {
        flyway("21").migrate();
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 2002; r >= 0; r--) { // stored out of order: batches follow the replicates
            rows.add(new Object[] {big, r, "baseline", "COMPLETED", 100L + r, "{\"m\":[{\"value\":" + r + "}]}", null,
                    null, null, "node-a", Timestamp.from(T0.plusSeconds(r)), r % 3, r == 0 ? "[{\"step\":\"s\"}]" : null});
        }
        rows.add(new Object[] {small, 0, "t", "FAILED", -5L, "{}", "ValueError", "bad input", "trace", "node-b",
                Timestamp.from(T0), 0, null});
        rows.add(new Object[] {small, 1, "t", "SKIPPED", null, "{}", null, null, null, null, Timestamp.from(T0), 0, null});
        jdbc.batchUpdate("insert into \"" + schema + "\".run_unit (run_id, replicate, condition, status, seed, "
                + "metrics_json, error_type, error_message, error_trace, node, finished_at, cache_hits, provenance_json) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        flyway(null).migrate();

        List<Integer> sizes = jdbc.queryForList("select units from \"" + schema + "\".run_unit_batch where run_id = ? "
                + "order by first_replicate", Integer.class, big);
        assertThat(sizes).containsExactly(2000, 3);
        List<UnitBatch.Unit> bigUnits = units(big);
        assertThat(bigUnits).hasSize(2003);
        assertThat(bigUnits.get(0)).isEqualTo(new UnitBatch.Unit(0, "baseline", UnitStatus.COMPLETED, 100L,
                "{\"m\":[{\"value\":0}]}", null, null, null, "node-a", T0, 0, "[{\"step\":\"s\"}]"));
        assertThat(bigUnits.get(2002)).isEqualTo(new UnitBatch.Unit(2002, "baseline", UnitStatus.COMPLETED, 2102L,
                "{\"m\":[{\"value\":2002}]}", null, null, null, "node-a", T0.plusSeconds(2002), 2002 % 3, null));
        assertThat(units(small)).containsExactly(
                new UnitBatch.Unit(0, "t", UnitStatus.FAILED, -5L, "{}", "ValueError", "bad input", "trace", "node-b",
                        T0, 0, null),
                new UnitBatch.Unit(1, "t", UnitStatus.SKIPPED, null, "{}", null, null, null, null, T0, 0, null));
        assertThat(jdbc.queryForObject("select sum(failed) from \"" + schema + "\".run_unit_batch", Long.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from \"" + schema + "\".run_unit", Long.class))
                .as("run_unit is dropped").isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class);
    }

    private List<UnitBatch.Unit> units(UUID run) {
        List<UnitBatch.Unit> units = new ArrayList<>();
        jdbc.query("select data from \"" + schema + "\".run_unit_batch where run_id = ? order by first_replicate",
                rs -> { UnitBatch.decode(rs.getBytes(1), true, units::add); }, run);
        return units;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
