package io.crystallize.server.experiment.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

public interface ExperimentRepository extends JpaRepository<StoredExperiment, UUID> {

    boolean existsByName(String name);

    Page<StoredExperiment> findByName(String name, Pageable pageable);

    Page<StoredExperiment> findByWorkspaceIdIn(Collection<UUID> workspaces, Pageable pageable);

    Page<StoredExperiment> findByNameAndWorkspaceIdIn(String name, Collection<UUID> workspaces, Pageable pageable);

    @Query("select e.workspaceId from StoredExperiment e where e.id = :id")
    Optional<UUID> findWorkspaceId(@Param("id") UUID id);
}
