package io.crystallize.server.access.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

/** Users by id, name or single-sign-on identity. */
public interface UserRepository extends JpaRepository<AppUser, UUID> {

    boolean existsByName(String name);

    Optional<AppUser> findByExternalId(String externalId);
}
