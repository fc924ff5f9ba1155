package io.crystallize.server.optimization.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface TrialRepository extends JpaRepository<Trial, Long> {

    List<Trial> findByOptimizationIdOrderByTrialAsc(UUID optimizationId);

    Optional<Trial> findByOptimizationIdAndTrial(UUID optimizationId, int trial);

    @Query("select coalesce(max(t.trial), -1) from Trial t where t.optimizationId = ?1")
    int maxTrial(UUID optimizationId);
}
