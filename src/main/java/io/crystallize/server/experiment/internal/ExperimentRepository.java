package io.crystallize.server.experiment.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface ExperimentRepository extends JpaRepository<StoredExperiment, UUID> {

    boolean existsByName(String name);

    Page<StoredExperiment> findByName(String name, Pageable pageable);
}
