package io.crystallize.server.run.internal;

import io.crystallize.server.run.RunStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface RunRepository extends JpaRepository<Run, UUID> {

    @Query("select r from Run r where (:experimentId is null or r.experimentId = :experimentId) "
            + "and r.status in :statuses")
    Page<Run> search(@Param("experimentId") UUID experimentId, @Param("statuses") Collection<RunStatus> statuses,
                     Pageable pageable);

    /** {@link #search} within some workspaces: runs belong to the workspace of their experiment. */
    @Query("select r from Run r where (:experimentId is null or r.experimentId = :experimentId) "
            + "and r.status in :statuses "
            + "and r.experimentId in (select e.id from StoredExperiment e where e.workspaceId in :workspaces)")
    Page<Run> searchIn(@Param("experimentId") UUID experimentId, @Param("statuses") Collection<RunStatus> statuses,
                       @Param("workspaces") Collection<UUID> workspaces, Pageable pageable);

    /** Runs QUEUED or RUNNING in a workspace (the active-runs quota). */
    @Query("select count(r) from Run r where r.status in :statuses "
            + "and r.experimentId in (select e.id from StoredExperiment e where e.workspaceId = :workspace)")
    long countActiveIn(@Param("workspace") UUID workspace, @Param("statuses") Collection<RunStatus> statuses);

    @Query("select r.experimentId from Run r where r.id = :id")
    Optional<UUID> findExperimentId(@Param("id") UUID id);

    @Query("select coalesce(max(r.version), -1) from Run r where r.experimentId = :experimentId")
    int maxVersion(@Param("experimentId") UUID experimentId);

    Optional<Run> findFirstByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    Optional<Run> findFirstByExperimentIdAndStatusOrderByCreatedAtDesc(UUID experimentId, RunStatus status);

    /** Runs still QUEUED that wait for upstream runs (their list names them). */
    @org.springframework.data.jpa.repository.Query("select r from Run r where r.status = ?1 and r.upstreamRunsJson like ?2")
    java.util.List<Run> findWaitingOn(RunStatus status, String idPattern);

    /** Whether another non-versioned run of the experiment is executing (they share the v0 folder). */
    @Query("select count(r) > 0 from Run r where r.experimentId = :experimentId and r.id <> :runId "
            + "and r.allocatedVersion is null and r.status = io.crystallize.server.run.RunStatus.RUNNING")
    boolean otherUnversionedRunning(@Param("experimentId") UUID experimentId, @Param("runId") UUID runId);

    List<Run> findByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    @Query("select count(r) from Run r where r.experimentId = :experimentId and r.version = :version and r.createdAt > :after")
    long countNewerWithVersion(@Param("experimentId") UUID experimentId, @Param("version") int version,
                               @Param("after") java.time.Instant after);

    long countByStatus(RunStatus status);

    @Query("select r.id from Run r where r.id in :ids and r.cancelRequested = true")
    List<UUID> findCancelRequested(@Param("ids") Collection<UUID> ids);
}
