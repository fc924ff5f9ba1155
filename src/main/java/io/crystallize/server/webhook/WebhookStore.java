package io.crystallize.server.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The webhook tables (V14, V17): registrations (each in a workspace), deliveries and their attempts. Secrets are
 * stored as {@link WebhookSecrets} conceals them and read only to sign.
 */
@Component
class WebhookStore {

    /** A registration with its stored (encrypted) secret. */
    record Target(UUID id, String url, List<String> events, String secret, UUID workspace, Instant createdAt) {

        WebhookView view() {
            return new WebhookView(id, url, events, null, workspace, createdAt);
        }

        @Override
        public String toString() {
            return "Target[id=" + id + ", url=" + url + ", workspace=" + workspace + "]";
        }
    }

    /** A delivery still to attempt, with where it goes and the stored (encrypted) secret. */
    record Pending(UUID id, String status, String payload, String url, String secret) {

        @Override
        public String toString() {
            return "Pending[id=" + id + ", status=" + status + ", url=" + url + "]";
        }
    }

    private static final String TARGET = "select id, url, events, secret, workspace_id, created_at from webhook";

    private final JdbcTemplate jdbc;

    WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Target t) {
        jdbc.update("insert into webhook (id, workspace_id, url, events, secret, created_at) values (?, ?, ?, ?, ?, ?)",
                t.id(), t.workspace(), t.url(), String.join(",", t.events()), t.secret(), Timestamp.from(t.createdAt()));
    }

    Optional<Target> find(UUID id) {
        return jdbc.query(TARGET + " where id = ?", WebhookStore::target, id).stream().findFirst();
    }

    List<Target> all() {
        return jdbc.query(TARGET + " order by created_at, id", WebhookStore::target);
    }

    /** The webhooks of these workspaces. */
    List<Target> in(Set<UUID> workspaces) {
        if (workspaces.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(workspaces.size(), "?"));
        return jdbc.query(TARGET + " where workspace_id in (" + marks + ") order by created_at, id", WebhookStore::target,
                workspaces.toArray());
    }

    Optional<UUID> workspaceOf(UUID id) {
        return jdbc.queryForList("select workspace_id from webhook where id = ?", UUID.class, id).stream().findFirst();
    }

    /** Stored secrets that are not yet encrypted (do not start with {@code prefix}), by webhook. */
    Map<UUID, String> plainSecrets(String prefix) {
        Map<UUID, String> out = new LinkedHashMap<>();
        jdbc.query("select id, secret from webhook where secret not like ?",
                (RowCallbackHandler) rs -> out.put(rs.getObject(1, UUID.class), rs.getString(2)), prefix + "%");
        return out;
    }

    /** Replaces the stored secret only if it is still {@code expected}; whether it did. */
    boolean replaceSecret(UUID id, String expected, String replacement) {
        return jdbc.update("update webhook set secret = ? where id = ? and secret = ?", replacement, id, expected) > 0;
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from webhook where id = ?", id) > 0;
    }

    void insertDelivery(UUID id, UUID webhookId, String type, UUID runId, String payload, Instant at) {
        jdbc.update("insert into webhook_delivery (id, webhook_id, event_type, run_id, payload, status, created_at) "
                + "values (?, ?, ?, ?, ?, 'PENDING', ?)", id, webhookId, type, runId, payload, Timestamp.from(at));
    }

    Optional<Pending> pending(UUID deliveryId) {
        return jdbc.query("select d.id, d.status, d.payload, w.url, w.secret from webhook_delivery d "
                        + "join webhook w on w.id = d.webhook_id where d.id = ?",
                (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), deliveryId).stream().findFirst();
    }

    int attempts(UUID deliveryId) {
        Integer n = jdbc.queryForObject("select count(*) from webhook_attempt where delivery_id = ?", Integer.class, deliveryId);
        return n == null ? 0 : n;
    }

    void recordAttempt(UUID deliveryId, int attempt, Integer statusCode, String error, Instant at, long durationMs) {
        jdbc.update("insert into webhook_attempt (delivery_id, attempt, status_code, error, attempted_at, duration_ms) "
                + "values (?, ?, ?, ?, ?, ?)", deliveryId, attempt, statusCode,
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), Timestamp.from(at), durationMs);
    }

    void finish(UUID deliveryId, String status, Instant at) {
        jdbc.update("update webhook_delivery set status = ?, finished_at = ? where id = ?", status, Timestamp.from(at), deliveryId);
    }

    /** The webhook's deliveries, newest first, each with its attempts in order. */
    List<DeliveryView> deliveries(UUID webhookId) {
        Map<UUID, List<DeliveryView.Attempt>> attempts = jdbc.query(
                "select a.delivery_id, a.attempt, a.status_code, a.error, a.attempted_at, a.duration_ms from webhook_attempt a "
                        + "join webhook_delivery d on d.id = a.delivery_id where d.webhook_id = ? order by a.attempt",
                (rs, i) -> Map.entry(rs.getObject(1, UUID.class), new DeliveryView.Attempt(rs.getInt(2),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getLong(6))), webhookId)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.query("select id, event_type, run_id, status, created_at, finished_at from webhook_delivery "
                        + "where webhook_id = ? order by created_at desc, id",
                (rs, i) -> new DeliveryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)),
                        attempts.getOrDefault(rs.getObject(1, UUID.class), List.of())), webhookId);
    }

    private static Target target(ResultSet rs, int row) throws SQLException {
        return new Target(rs.getObject(1, UUID.class), rs.getString(2), Arrays.asList(rs.getString(3).split(",")),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
