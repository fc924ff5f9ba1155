package io.crystallize.server.run.internal;

import io.crystallize.server.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run table's queries on the suite's database (H2 or PostgreSQL, migrated by Flyway): filters, paging newest
 * first, workspace scoping, counters and the version constraint. Each test rolls back.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RunRepositoryTest {

    /** The admin's personal workspace, created by the V12 migration. */
    static final UUID ADMIN_WORKSPACE = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final PageRequest NEWEST_FIRST = PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "createdAt"));

    @Autowired
    RunRepository runs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchFiltersByExperimentAndStatusAndPagesNewestFirst() {
        UUID experiment = experiment(ADMIN_WORKSPACE);
        UUID other = experiment(ADMIN_WORKSPACE);
        Run first = save(run(experiment, 0, 1));
        Run second = save(run(experiment, 0, 2));
        Run third = save(run(experiment, 0, 3));
        Run finished = run(experiment, 0, 4);
        finished.start("node-a", T0);
        finished.complete(T0);
        save(finished);
        save(run(other, 0, 5));

        Page<Run> queued = runs.search(experiment, List.of(RunStatus.QUEUED), NEWEST_FIRST);
        assertThat(queued.getTotalElements()).isEqualTo(3);
        assertThat(queued.getTotalPages()).isEqualTo(2);
        assertThat(queued.getContent()).extracting(Run::getId).containsExactly(third.getId(), second.getId());
        assertThat(runs.search(experiment, List.of(RunStatus.QUEUED), NEWEST_FIRST.next()).getContent())
                .extracting(Run::getId).containsExactly(first.getId());
        assertThat(runs.search(experiment, List.of(RunStatus.COMPLETED, RunStatus.FAILED), NEWEST_FIRST).getContent())
                .extracting(Run::getId).containsExactly(finished.getId());
    }

    @Test
    void searchWithoutAnExperimentCoversEveryExperiment() {
        Run a = save(run(experiment(ADMIN_WORKSPACE), 0, 1));
        Run b = save(run(experiment(ADMIN_WORKSPACE), 0, 2));

        Page<Run> page = runs.search(null, EnumSet.allOf(RunStatus.class), PageRequest.of(0, 10,
                Sort.by(Sort.Direction.DESC, "createdAt")));
        assertThat(page.getContent()).extracting(Run::getId).containsExactly(b.getId(), a.getId());
    }

    @Test
    void searchInAndTheActiveCountSeeOnlyTheGivenWorkspaces() {
        UUID shared = workspace();
        UUID mine = experiment(ADMIN_WORKSPACE);
        UUID theirs = experiment(shared);
        Run queued = save(run(mine, 0, 1));
        Run running = run(mine, 0, 2);
        running.start("node-a", T0);
        save(running);
        Run done = run(mine, 0, 3);
        done.start("node-a", T0);
        done.fail("boom", T0);
        save(done);
        Run elsewhere = save(run(theirs, 0, 4));

        assertThat(runs.searchIn(null, EnumSet.allOf(RunStatus.class), List.of(ADMIN_WORKSPACE), NEWEST_FIRST)
                .getTotalElements()).isEqualTo(3);
        assertThat(runs.searchIn(null, EnumSet.allOf(RunStatus.class), List.of(shared), NEWEST_FIRST).getContent())
                .extracting(Run::getId).containsExactly(elsewhere.getId());
        assertThat(runs.searchIn(theirs, EnumSet.allOf(RunStatus.class), List.of(ADMIN_WORKSPACE), NEWEST_FIRST)
                .getContent()).isEmpty();
        List<RunStatus> active = List.of(RunStatus.QUEUED, RunStatus.RUNNING);
        assertThat(runs.countActiveIn(ADMIN_WORKSPACE, active)).isEqualTo(2);
        assertThat(runs.countActiveIn(shared, active)).isEqualTo(1);
        assertThat(runs.countByStatus(RunStatus.FAILED)).isEqualTo(1);
        assertThat(queued.getId()).isNotEqualTo(running.getId());
    }

    @Test
    void theLatestRunAndTheHighestVersionOfAnExperiment() {
        UUID experiment = experiment(ADMIN_WORKSPACE);
        assertThat(runs.maxVersion(experiment)).isEqualTo(-1);
        assertThat(runs.findFirstByExperimentIdOrderByCreatedAtDesc(experiment)).isEmpty();

        Run v0 = run(experiment, 0, 1);
        v0.start("node-a", T0);
        v0.complete(T0);
        save(v0);
        Run v2 = save(run(experiment, 2, 2));
        Run v1 = save(run(experiment, 1, 3));

        assertThat(runs.maxVersion(experiment)).isEqualTo(2);
        assertThat(runs.findFirstByExperimentIdOrderByCreatedAtDesc(experiment)).map(Run::getId).contains(v1.getId());
        assertThat(runs.findFirstByExperimentIdAndStatusOrderByCreatedAtDesc(experiment, RunStatus.COMPLETED))
                .map(Run::getId).contains(v0.getId());
        assertThat(runs.findByExperimentIdOrderByCreatedAtDesc(experiment)).extracting(Run::getId)
                .containsExactly(v1.getId(), v2.getId(), v0.getId());
        assertThat(runs.findExperimentId(v2.getId())).contains(experiment);
        assertThat(runs.findExperimentId(UUID.randomUUID())).isEmpty();
        // Runs of version 1 created after v0 (at second 1): v1 itself; none after v1.
        assertThat(runs.countNewerWithVersion(experiment, 1, T0.plusSeconds(1))).isEqualTo(1);
        assertThat(runs.countNewerWithVersion(experiment, 1, T0.plusSeconds(3))).isZero();
    }

    @Test
    void waitingRunsCancelRequestsAndUnversionedOverlap() {
        UUID experiment = experiment(ADMIN_WORKSPACE);
        Run upstream = save(run(experiment, 0, 1));
        Run waiting = run(experiment, 0, 2);
        waiting.upstreamRuns("[\"" + upstream.getId() + "\"]");
        save(waiting);
        Run running = run(experiment, 0, 3);
        running.start("node-a", T0);
        running.requestCancel(UUID.randomUUID());
        save(running);

        assertThat(runs.findWaitingOn(RunStatus.QUEUED, "%" + upstream.getId() + "%")).extracting(Run::getId)
                .containsExactly(waiting.getId());
        assertThat(runs.findWaitingOn(RunStatus.QUEUED, "%" + UUID.randomUUID() + "%")).isEmpty();
        assertThat(runs.findCancelRequested(List.of(upstream.getId(), waiting.getId(), running.getId())))
                .containsExactly(running.getId());
        // The running run is unversioned: the others see it, it does not see itself.
        assertThat(runs.otherUnversionedRunning(experiment, waiting.getId())).isTrue();
        assertThat(runs.otherUnversionedRunning(experiment, running.getId())).isFalse();
    }

    @Test
    void anAllocatedVersionIsUniquePerExperimentWhileUnversionedRunsMayShareVersionZero() {
        UUID experiment = experiment(ADMIN_WORKSPACE);
        save(run(experiment, 0, 1));
        save(run(experiment, 0, 2));
        Run versioned = run(experiment, 1, 3);
        versioned.allocateVersion();
        save(versioned);
        save(versionedIn(experiment(ADMIN_WORKSPACE), 1, 4));

        assertThatThrownBy(() -> save(versionedIn(experiment, 1, 5)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private Run versionedIn(UUID experiment, int version, int second) {
        Run run = run(experiment, version, second);
        run.allocateVersion();
        return run;
    }

    private Run save(Run run) {
        return runs.saveAndFlush(run);
    }

    /** A QUEUED run of {@code experiment} created {@code second} seconds after {@link #T0}. */
    static Run run(UUID experiment, int version, int second) {
        return new Run(experiment, version, "f", 42L, 3, List.of("baseline", "t"), "rerun", false,
                T0.plusSeconds(second));
    }

    private UUID experiment(UUID workspace) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into experiment (id, name, fingerprint, definition_json, created_at, workspace_id) "
                + "values (?, ?, 'f', '{}', ?, ?)", id, "e-" + id, java.sql.Timestamp.from(T0), workspace);
        return id;
    }

    private UUID workspace() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into workspace (id, name, created_at) values (?, ?, ?)", id, "w-" + id,
                java.sql.Timestamp.from(T0));
        return id;
    }
}
