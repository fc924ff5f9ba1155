package io.crystallize.server.idempotency.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The {@code idempotency_key} table. Calls join the caller's transaction when there is one. */
class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Thrown when another request holds or has used the key (unique primary key). */
    static final class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super("idempotency key taken", cause);
        }
    }

    /** Claims the key for a request; on PostgreSQL this waits while a concurrent duplicate is uncommitted. */
    void claim(String key, String requestHash, Instant expiresAt) {
        try {
            jdbc.update("insert into idempotency_key (idem_key, request_hash, created_at, expires_at) values (?, ?, ?, ?)",
                    key, requestHash, Timestamp.from(clock.instant()), Timestamp.from(expiresAt));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            throw new KeyTaken(e);
        }
    }

    void complete(String key, int status, String location, String contentType, String body) {
        jdbc.update("update idempotency_key set status = ?, location = ?, content_type = ?, body = ? where idem_key = ?",
                status, location, contentType, body, key);
    }

    Optional<StoredResponse> find(String key) {
        return jdbc.query("select request_hash, status, location, content_type, body, expires_at from idempotency_key "
                + "where idem_key = ?", (rs, i) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), key)
                .stream().findFirst();
    }

    void deleteIfExpired(String key) {
        jdbc.update("delete from idempotency_key where idem_key = ? and expires_at <= ?", key, Timestamp.from(clock.instant()));
    }

    @Scheduled(fixedDelayString = "${crystallize.idempotency.cleanup-interval:1h}",
            initialDelayString = "${crystallize.idempotency.cleanup-interval:1h}")
    void deleteExpired() {
        int deleted = jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(clock.instant()));
        if (deleted > 0) {
            log.info("deleted {} expired idempotency keys", deleted);
        }
    }
}
