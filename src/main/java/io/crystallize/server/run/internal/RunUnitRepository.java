package io.crystallize.server.run.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface RunUnitRepository extends JpaRepository<RunUnit, Long> {

    List<RunUnit> findByRunIdOrderByReplicateAsc(UUID runId);
}
