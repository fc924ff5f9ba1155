package io.crystallize.server.access.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens, found by the hash of the presented token. */
public interface TokenRepository extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    /** (user id, name, role) of the user of a usable token (known, unrevoked, unexpired at {@code now}): one query. */
    @Query("select u.id, u.name, u.role from ApiToken t, AppUser u where u.id = t.userId and t.tokenHash = :hash "
            + "and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > :now)")
    List<Object[]> usableBy(@Param("hash") String tokenHash, @Param("now") java.time.Instant now);

    List<ApiToken> findByUserIdOrderByCreatedAtAsc(UUID userId);
}
