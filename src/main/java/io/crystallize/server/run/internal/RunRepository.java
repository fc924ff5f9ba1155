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

    @Query("select coalesce(max(r.version), -1) from Run r where r.experimentId = :experimentId")
    int maxVersion(@Param("experimentId") UUID experimentId);

    Optional<Run> findFirstByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    List<Run> findByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    @Query("select count(r) from Run r where r.experimentId = :experimentId and r.version = :version and r.createdAt > :after")
    long countNewerWithVersion(@Param("experimentId") UUID experimentId, @Param("version") int version,
                               @Param("after") java.time.Instant after);

    @Query("select r.id from Run r where r.id in :ids and r.cancelRequested = true")
    List<UUID> findCancelRequested(@Param("ids") Collection<UUID> ids);
}
