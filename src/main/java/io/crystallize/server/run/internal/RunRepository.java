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
            + "and (:status is null or r.status = :status)")
    Page<Run> search(@Param("experimentId") UUID experimentId, @Param("status") RunStatus status, Pageable pageable);

    /** {@link #search} within some workspaces: runs belong to the workspace of their experiment. */
    @Query("select r from Run r where (:experimentId is null or r.experimentId = :experimentId) "
            + "and (:status is null or r.status = :status) "
            + "and r.experimentId in (select e.id from StoredExperiment e where e.workspaceId in :workspaces)")
    Page<Run> searchIn(@Param("experimentId") UUID experimentId, @Param("status") RunStatus status,
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

    @Query("select r.id from Run r where r.id in :ids and r.cancelRequested = true")
    List<UUID> findCancelRequested(@Param("ids") Collection<UUID> ids);
}
