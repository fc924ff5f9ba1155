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

    @Query("select coalesce(max(r.version), -1) from Run r where r.experimentId = :experimentId")
    int maxVersion(@Param("experimentId") UUID experimentId);

    Optional<Run> findFirstByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    Optional<Run> findFirstByExperimentIdAndStatusOrderByCreatedAtDesc(UUID experimentId, RunStatus status);

    /** Runs still QUEUED that wait for upstream runs (their list names them). */
    @org.springframework.data.jpa.repository.Query("select r from Run r where r.status = ?1 and r.upstreamRunsJson like ?2")
    java.util.List<Run> findWaitingOn(RunStatus status, String idPattern);

    @Query("select r.id from Run r where r.id in :ids and r.cancelRequested = true")
    List<UUID> findCancelRequested(@Param("ids") Collection<UUID> ids);
}
