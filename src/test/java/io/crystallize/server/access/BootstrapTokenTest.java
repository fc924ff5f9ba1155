package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server in a child JVM without a configured bootstrap token: it generates one into
 * {@code <data dir>/bootstrap-token}, readable by its owner only, and says where in its log. The whole log of the
 * run is then searched for every token used: none appears.
 */
class BootstrapTokenTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartGeneratesAnOwnerOnlyTokenFileAndNoTokenReachesTheLog() throws Exception {
        TestDatabase.Connection db = TestDatabase.current() == TestDatabase.POSTGRES ? TestDatabase.POSTGRES.newDatabase()
                : new TestDatabase.Connection("jdbc:h2:file:" + dir.resolve("db/crystallize") + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "");
        String refused = "cz_" + "x".repeat(43);
        String adminToken;
        String userToken;
        ServerProcess node = ServerProcess.start(dir, "node", db, "--crystallize.security.bootstrap-token=");
        try {
            Path file = dir.resolve("data/bootstrap-token");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            adminToken = Files.readString(file).trim();
            assertThat(adminToken).startsWith("cz_");

            Api admin = node.api().as(adminToken);
            assertThat(admin.get("/api/me").json().path("role").asString()).isEqualTo("ADMIN");
            assertThat(node.api().get("/api/me").status()).as("the test suite's token was not configured").isEqualTo(401);
            Api.User user = admin.createUser("logged-user");
            userToken = user.token();
            assertThat(user.api().get("/api/experiments").status()).isEqualTo(200);
            assertThat(admin.as(refused).get("/api/me").status()).isEqualTo(401);
            assertThat(user.api().post("/api/experiments", Map.of("name", "bad name!")).status()).isEqualTo(400);
        } finally {
            node.close();
        }
        String log = Files.readString(node.log());
        assertThat(log).contains(dir.resolve("data/bootstrap-token").toAbsolutePath().normalize().toString());
        assertThat(log).doesNotContain(adminToken).doesNotContain(userToken).doesNotContain(refused)
                .doesNotContain(adminToken.substring(3)).doesNotContain(userToken.substring(3));
    }
}
