package io.crystallize.server.remote.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface RemoteRegistrationRepository extends JpaRepository<RemoteRegistration, UUID> {

    Optional<RemoteRegistration> findByType(String type);

    List<RemoteRegistration> findByKindOrderByType(String kind);

    List<RemoteRegistration> findAllByOrderByType();
}
