package io.crystallize.server.optimization.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface OptimizationRepository extends JpaRepository<Optimization, UUID> {

    List<Optimization> findByExperimentId(UUID experimentId);
}
