package io.crystallize.server.run.internal;

import io.crystallize.server.run.RunView;
import io.crystallize.server.run.Tagged;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status poll's plain SQL read of the run row ({@link RunViews#tagged}) answers the same view as the entity's
 * ({@link RunViews#view(Run)}), field by field, on the suite's database (H2 or PostgreSQL), and its ETag moves with
 * the row's version and each counter.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RunViewsTest {

    @Autowired
    RunRepository runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManager entities;

    RunViews views;

    @BeforeEach
    void views() {
        views = new RunViews(new UnitCursor(dataSource, new TransactionTemplate(transactions)), JsonMapper.builder().build(),
                JdbcClient.create(dataSource));
    }

    @Test
    void aQueuedRunWithItsNullsReadsAsTheEntityDoes() {
        Run run = runs.saveAndFlush(RunRepositoryTest.run(experiment(), 0, 1));

        assertThat(rowView(run.getId())).isEqualTo(entityView(run.getId()));
        assertThat(rowView(run.getId()).baseSeed()).isEqualTo(42L);
    }

    @Test
    void aFinishedCancelledRunWithEveryFieldSetReadsAsTheEntityDoes() {
        UUID user = UUID.fromString("00000000-0000-0000-0000-00000000a001");
        Run run = new Run(experiment(), 3, "f", null, 7, java.util.List.of("baseline", "t1", "t2"), "resume", true,
                Instant.parse("2026-03-04T05:06:07.123456Z"));
        run.createdBy(user);
        run.upstreamRuns("[\"" + UUID.randomUUID() + "\",\"" + UUID.randomUUID() + "\"]");
        run.start("node-a", Instant.parse("2026-03-04T05:06:08Z"));
        run.requestCancel(user);
        run.fail("boom: a step threw", Instant.parse("2026-03-04T05:06:09.5Z"));
        run = runs.saveAndFlush(run);
        jdbc.update("update run set completed_units = 11, failed_units = 4, skipped_units = 2, cache_hits = 9 where id = ?",
                run.getId());

        RunView row = rowView(run.getId());
        assertThat(row).isEqualTo(entityView(run.getId()));
        assertThat(row.baseSeed()).isNull();
        assertThat(row.upstreamRuns()).hasSize(2);
        assertThat(row.progress()).isEqualTo(new RunView.Progress(11, 4, 2, 21));
        assertThat(row.errorCount()).isEqualTo(4);
        assertThat(row.cancelledBy()).isEqualTo(user);
    }

    @Test
    void theEtagMovesWithTheRowVersionAndEachCounter() {
        UUID id = runs.saveAndFlush(RunRepositoryTest.run(experiment(), 0, 1)).getId();
        java.util.Set<String> seen = new java.util.HashSet<>();
        assertThat(seen.add(tagged(id).etag())).isTrue();
        assertThat(tagged(id).etag()).isEqualTo(tagged(id).etag());
        for (String change : new String[]{"row_version = row_version + 1", "completed_units = completed_units + 1",
                "failed_units = failed_units + 1", "skipped_units = skipped_units + 1"}) {
            jdbc.update("update run set " + change + " where id = ?", id);
            assertThat(seen.add(tagged(id).etag())).as(change).isTrue();
        }
        assertThat(tagged(id).etag()).startsWith("\"").endsWith("\"");
        assertThat(views.tagged(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theStatusIsTheRowsAsStoredNow() {
        Run run = runs.saveAndFlush(RunRepositoryTest.run(experiment(), 0, 1));
        assertThat(views.status(run.getId())).contains(io.crystallize.server.run.RunStatus.QUEUED);
        jdbc.update("update run set status = 'COMPLETED' where id = ?", run.getId());
        assertThat(views.status(run.getId())).contains(io.crystallize.server.run.RunStatus.COMPLETED);
        assertThat(views.status(UUID.randomUUID())).isEmpty();
    }

    private Tagged<RunView> tagged(UUID id) {
        return views.tagged(id).orElseThrow();
    }

    private RunView rowView(UUID id) {
        return tagged(id).value();
    }

    private RunView entityView(UUID id) {
        entities.clear();
        return views.view(runs.findById(id).orElseThrow());
    }

    private UUID experiment() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into experiment (id, name, fingerprint, definition_json, created_at, workspace_id) "
                        + "values (?, ?, 'f', '{}', ?, ?)", id, "e-" + id, java.sql.Timestamp.from(RunRepositoryTest.T0),
                RunRepositoryTest.ADMIN_WORKSPACE);
        return id;
    }
}
