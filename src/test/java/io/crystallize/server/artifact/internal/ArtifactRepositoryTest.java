package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Artifact records on the suite's database: the unit's lookup, a run's total size, superseding and pruning within
 * one version folder, and one record per run, replicate, condition, step and name.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ArtifactRepositoryTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ROOT = "/data/artifacts";

    @Autowired
    ArtifactRepository artifacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestEntityManager entities;

    final UUID experiment = UUID.randomUUID();

    @Test
    void findsARecordByItsUnitStepAndNameAndTheRunsTotalSize() {
        experiment("exp");
        UUID run = run();
        ArtifactRecord a = save(record(run, 0, "baseline", "data.json", 1, 10));
        save(record(run, 1, "baseline", "data.json", 1, 32));
        save(record(run(), 0, "baseline", "data.json", 1, 1000));

        assertThat(artifacts.findByRunIdAndReplicateAndConditionAndStepAndName(run, 0, "baseline", "artifact.json",
                "data.json")).map(ArtifactRecord::getId).contains(a.getId());
        assertThat(artifacts.findByRunIdAndReplicateAndConditionAndStepAndName(run, 0, "boost", "artifact.json",
                "data.json")).isEmpty();
        assertThat(artifacts.findByRunId(run)).hasSize(2);
        assertThat(artifacts.findExperimentId(a.getId())).contains(experiment);
        assertThat(artifacts.totalSize(run)).isEqualTo(42);
        assertThat(artifacts.totalSize(UUID.randomUUID())).isZero();
    }

    @Test
    void supersedingMarksTheAvailableRecordsOfOtherRunsInTheSameFolder() {
        experiment("exp");
        UUID older = run();
        UUID newer = run();
        ArtifactRecord oldSame = save(record(older, 0, "baseline", "a.json", 1, 1));
        ArtifactRecord oldOtherVersion = save(record(older, 0, "baseline", "b.json", 2, 1));
        ArtifactRecord mine = save(record(newer, 0, "baseline", "a.json", 1, 1));

        assertThat(artifacts.supersede("exp", 1, ROOT, newer)).isEqualTo(1);
        entities.clear();

        assertThat(state(oldSame)).isEqualTo(ArtifactState.SUPERSEDED);
        assertThat(state(oldOtherVersion)).isEqualTo(ArtifactState.AVAILABLE);
        assertThat(state(mine)).isEqualTo(ArtifactState.AVAILABLE);
        assertThat(artifacts.findByExperimentNameAndVersionAndRootDirAndState("exp", 1, ROOT, ArtifactState.AVAILABLE))
                .extracting(ArtifactRecord::getId).containsExactly(mine.getId());
        // Already superseded: nothing left to mark.
        assertThat(artifacts.supersede("exp", 1, ROOT, newer)).isZero();
    }

    @Test
    void pruningMarksOnlyTheGivenKeysThatAreStillAvailable() {
        experiment("exp");
        UUID run = run();
        ArtifactRecord a = save(record(run, 0, "baseline", "a.json", 1, 1));
        ArtifactRecord b = save(record(run, 1, "baseline", "a.json", 1, 1));
        ArtifactRecord c = save(record(run, 2, "baseline", "a.json", 1, 1));

        assertThat(artifacts.prune("exp", 1, ROOT, List.of(a.getStorageKey(), b.getStorageKey()))).isEqualTo(2);
        assertThat(artifacts.prune("exp", 1, ROOT, List.of(a.getStorageKey()))).isZero();
        assertThat(artifacts.prune("exp", 1, "/elsewhere", List.of(c.getStorageKey()))).isZero();
        entities.clear();

        assertThat(state(a)).isEqualTo(ArtifactState.PRUNED);
        assertThat(state(b)).isEqualTo(ArtifactState.PRUNED);
        assertThat(state(c)).isEqualTo(ArtifactState.AVAILABLE);
    }

    @Test
    void aUnitStoresAnArtifactNameOncePerStep() {
        experiment("exp");
        UUID run = run();
        save(record(run, 0, "baseline", "data.json", 1, 1));

        assertThatThrownBy(() -> save(record(run, 0, "baseline", "data.json", 1, 2)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private ArtifactState state(ArtifactRecord record) {
        return artifacts.findById(record.getId()).orElseThrow().getState();
    }

    private ArtifactRecord save(ArtifactRecord record) {
        return artifacts.saveAndFlush(record);
    }

    private ArtifactRecord record(UUID run, int replicate, String condition, String name, int version, long size) {
        String key = "exp/v" + version + "/" + condition + "/" + replicate + "/" + run + "/" + name;
        return new ArtifactRecord(new NewArtifact(run, experiment, "exp", version, replicate, condition, 0,
                "artifact.json", name, ROOT, key, new StoredFile(size, "ab".repeat(32)), "application/json"), T0);
    }

    private void experiment(String name) {
        jdbc.update("insert into experiment (id, name, fingerprint, definition_json, created_at, workspace_id) "
                + "values (?, ?, 'f', '{}', ?, '00000000-0000-0000-0000-00000000b001')", experiment, name,
                Timestamp.from(T0));
    }

    private UUID run() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into run (id, experiment_id, status, version, fingerprint, replicates, conditions_json, "
                + "strategy, debug, cancel_requested, created_at, row_version) "
                + "values (?, ?, 'COMPLETED', 1, 'f', 3, '[\"baseline\"]', 'rerun', false, false, ?, 0)",
                id, experiment, Timestamp.from(T0));
        return id;
    }
}
