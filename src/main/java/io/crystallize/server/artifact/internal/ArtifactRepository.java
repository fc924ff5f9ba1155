package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ArtifactRepository extends JpaRepository<ArtifactRecord, UUID> {

    Optional<ArtifactRecord> findByRunIdAndReplicateAndConditionAndStepAndName(UUID runId, int replicate,
                                                                               String condition, String step, String name);

    List<ArtifactRecord> findByRunId(UUID runId);

    @Query("select a.experimentId from ArtifactRecord a where a.id = :id")
    Optional<UUID> findExperimentId(@Param("id") UUID id);

    List<ArtifactRecord> findByExperimentNameAndVersionAndRootDirAndState(String experimentName, int version,
                                                                          String rootDir, ArtifactState state);

    @Query("select coalesce(sum(a.sizeBytes), 0) from ArtifactRecord a where a.runId = :runId")
    long totalSize(@Param("runId") UUID runId);

    /** Marks the available records of one version folder written by other runs. */
    @Modifying
    @Query("update ArtifactRecord a set a.state = io.crystallize.server.artifact.ArtifactState.SUPERSEDED "
            + "where a.experimentName = :name and a.version = :version and a.rootDir = :root and a.runId <> :runId "
            + "and a.state = io.crystallize.server.artifact.ArtifactState.AVAILABLE")
    int supersede(@Param("name") String experimentName, @Param("version") int version, @Param("root") String root,
                  @Param("runId") UUID runId);

    @Modifying
    @Query("update ArtifactRecord a set a.state = io.crystallize.server.artifact.ArtifactState.PRUNED "
            + "where a.experimentName = :name and a.version = :version and a.rootDir = :root "
            + "and a.storageKey in :keys and a.state = io.crystallize.server.artifact.ArtifactState.AVAILABLE")
    int prune(@Param("name") String experimentName, @Param("version") int version, @Param("root") String root,
              @Param("keys") Collection<String> keys);
}
