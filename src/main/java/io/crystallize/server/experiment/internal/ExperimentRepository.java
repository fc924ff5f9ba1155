package io.crystallize.server.experiment.internal;

import jakarta.persistence.criteria.MapJoin;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public interface ExperimentRepository extends JpaRepository<StoredExperiment, UUID>, JpaSpecificationExecutor<StoredExperiment> {

    boolean existsByName(String name);

    /** The experiment, locked until the transaction ends: serializes version allocation and run starts. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select e from StoredExperiment e where e.id = :id")
    java.util.Optional<StoredExperiment> lockById(@org.springframework.data.repository.query.Param("id") UUID id);

    @Query("select e.workspaceId from StoredExperiment e where e.id = :id")
    Optional<UUID> findWorkspaceId(@Param("id") UUID id);

    @Query("select e.id from StoredExperiment e where e.name = :name and e.workspaceId = :workspaceId")
    Optional<UUID> findIdByNameAndWorkspace(@Param("name") String name, @Param("workspaceId") UUID workspaceId);

    /** In one of these workspaces (the caller's, for a list). */
    static Specification<StoredExperiment> inWorkspaces(Collection<UUID> workspaces) {
        return (root, query, cb) -> root.get("workspaceId").in(workspaces);
    }

    /** The whole name, as {@code ?name=}. */
    static Specification<StoredExperiment> named(String name) {
        return (root, query, cb) -> cb.equal(root.get("name"), name);
    }

    /** A part of the name, case-insensitively, as {@code ?q=} ({@code %} and {@code _} match themselves). */
    static Specification<StoredExperiment> nameContains(String part) {
        String escaped = part.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (root, query, cb) -> cb.like(cb.lower(root.get("name")), "%" + escaped + "%", '\\');
    }

    /** A tag with this key and, unless {@code value} is null, this value, as {@code ?tag=key:value} or {@code ?tag=key}. */
    static Specification<StoredExperiment> tagged(String key, String value) {
        return (root, query, cb) -> {
            MapJoin<StoredExperiment, String, String> tag = root.joinMap("tags");
            return value == null ? cb.equal(tag.key(), key) : cb.and(cb.equal(tag.key(), key), cb.equal(tag.value(), value));
        };
    }
}
