package io.crystallize.server.run.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;

import java.util.List;
import java.util.UUID;

interface RunUnitRepository extends JpaRepository<RunUnit, Long> {

    List<RunUnit> findByRunIdOrderByReplicateAsc(UUID runId);

    boolean existsByRunIdAndReplicateAndCondition(UUID runId, int replicate, String condition);

    /** Rows of (row id, position among the run's units by row id, replicate, condition, error type, message). */
    @Query("select u.id, (select count(v) from RunUnit v where v.runId = u.runId and v.id <= u.id), u.replicate, "
            + "u.condition, u.errorType, u.errorMessage from RunUnit u "
            + "where u.runId = :runId and u.status = io.crystallize.server.engine.UnitStatus.FAILED and u.id > :afterRow "
            + "order by u.id")
    List<Object[]> failedAfter(@Param("runId") UUID runId, @Param("afterRow") long afterRow);

    /** Rows of (run id, status, count) for the given runs. */
    @Query("select u.runId, u.status, count(u) from RunUnit u where u.runId in :runIds group by u.runId, u.status")
    List<Object[]> countByStatus(@Param("runIds") Collection<UUID> runIds);
}
