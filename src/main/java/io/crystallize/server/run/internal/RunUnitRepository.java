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

    /** Rows of (run id, status, count) for the given runs. */
    @Query("select u.runId, u.status, count(u) from RunUnit u where u.runId in :runIds group by u.runId, u.status")
    List<Object[]> countByStatus(@Param("runIds") Collection<UUID> runIds);

    /** Rows of (run id, units' cache hits summed) for the given runs. */
    @Query("select u.runId, sum(u.cacheHits) from RunUnit u where u.runId in :runIds group by u.runId")
    List<Object[]> sumCacheHits(@Param("runIds") Collection<UUID> runIds);
}
