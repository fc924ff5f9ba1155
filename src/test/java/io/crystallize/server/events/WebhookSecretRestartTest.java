package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook secrets at rest, on the real server in a child JVM without a configured key: the first start generates
 * an owner-only key file, the stored secret is encrypted, a secret stored in plain text by an earlier version is
 * encrypted at the next start, and after the restart both still sign deliveries that verify. No secret reaches
 * the logs.
 */
class WebhookSecretRestartTest {

    private static final String ADMIN_WORKSPACE = "00000000-0000-0000-0000-00000000b001";

    @TempDir
    Path dir;

    @Test
    void secretsAreEncryptedWithAGeneratedKeyThatSurvivesARestart() throws Exception {
        TestDatabase.Connection db = TestDatabase.current() == TestDatabase.POSTGRES ? TestDatabase.POSTGRES.newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "");
        try (Receiver receiver = new Receiver()) {
            String registered;
            String hookId;
            ServerProcess first = ServerProcess.start(dir, "first", db, "--crystallize.webhooks.allowed-hosts=127.0.0.1");
            try {
                Api.Response created = first.api().post("/api/webhooks", Map.of("url", receiver.url(),
                        "events", List.of("run.completed")));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                registered = created.json().path("secret").asString();
                hookId = created.json().path("id").asString();
                Path key = dir.resolve("data/webhook-secret-key");
                assertThat(key).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            } finally {
                first.terminate(Duration.ofSeconds(60));
            }
            assertConcealed(db, hookId, registered);
            String legacy = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'L');
            String legacyId = insertPlain(db, receiver.url(), legacy);

            ServerProcess second = ServerProcess.start(dir, "second", db, "--crystallize.webhooks.allowed-hosts=127.0.0.1");
            try {
                Api api = second.api();
                String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("secrets"), 1, 0)), null);
                api.awaitCompleted(runId, Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received("run.completed").size() == 2);
                Set<String> verifiedWith = receiver.received("run.completed").stream()
                        .map(d -> Set.of(registered, legacy).stream().filter(s -> verifies(s, d)).findFirst().orElse("none"))
                        .collect(Collectors.toSet());
                assertThat(verifiedWith).containsExactlyInAnyOrder(registered, legacy);
                assertThat(api.get("/api/webhooks").body()).doesNotContain(registered).doesNotContain(legacy);
            } finally {
                second.terminate(Duration.ofSeconds(60));
            }
            assertConcealed(db, legacyId, legacy);
            assertConcealed(db, hookId, registered);
            for (String log : List.of(Files.readString(dir.resolve("first.log")), Files.readString(dir.resolve("second.log")))) {
                assertThat(log).doesNotContain(registered.substring(6)).doesNotContain(legacy.substring(6));
            }
        }
    }

    private static boolean verifies(String secret, Receiver.Delivery d) {
        try {
            return StandardWebhooks.verify(secret, d.header("webhook-id"), d.header("webhook-timestamp"), d.body(),
                    d.header("webhook-signature"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertConcealed(TestDatabase.Connection db, String hookId, String secret) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("select secret from webhook where id = ?")) {
            s.setObject(1, UUID.fromString(hookId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("enc:v1:").doesNotContain(secret.substring(6));
            }
        }
    }

    /** A webhook row as the version before encryption stored it: the secret in plain text. */
    private static String insertPlain(TestDatabase.Connection db, String url, String secret) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("insert into webhook (id, workspace_id, url, events, secret, "
                     + "created_at) values (?, ?, ?, 'run.completed', ?, ?)")) {
            s.setObject(1, id);
            s.setObject(2, UUID.fromString(ADMIN_WORKSPACE));
            s.setString(3, url);
            s.setString(4, secret);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        return id.toString();
    }
}
