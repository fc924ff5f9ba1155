package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.crystallize.server.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bearer tokens over real HTTP: 401s, /api/me, users, issuing, listing, revoking and expiring tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationTest {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void client() {
        admin = new Api(port);
    }

    @Test
    void anonymousAndUnknownTokensAre401ProblemsWithABearerChallenge() {
        for (Api caller : new Api[] {admin.anonymous(), admin.as("cz_not-a-token"), admin.as("a.b.c")}) {
            Api.Response r = caller.get("/api/experiments");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("status").asInt()).isEqualTo(401);
        }
        assertThat(admin.anonymous().post("/api/experiments", Map.of("name", "x")).status()).isEqualTo(401);
    }

    @Test
    void meNamesTheCallerItsRoleAndItsWorkspaces() {
        JsonNode me = admin.get("/api/me").json();
        assertThat(me.path("name").asString()).isEqualTo("admin");
        assertThat(me.path("role").asString()).isEqualTo("ADMIN");
        assertThat(me.path("workspaces").get(0).path("role").asString()).isEqualTo("OWNER");

        Api.User alice = admin.createUser(unique("alice"));
        JsonNode hers = alice.api().get("/api/me").json();
        assertThat(hers.path("id").asString()).isEqualTo(alice.id());
        assertThat(hers.path("role").asString()).isEqualTo("USER");
        assertThat(hers.path("workspaces")).hasSize(1);
        assertThat(hers.path("workspaces").get(0).path("name").asString()).isEqualTo(alice.name());
    }

    @Test
    void onlyAdminsCreateUsersAndNamesAreUniqueAndChecked() {
        Api.User bob = admin.createUser(unique("bob"));
        assertThat(bob.api().post("/api/users", Map.of("name", unique("eve"))).status()).isEqualTo(403);
        assertThat(admin.post("/api/users", Map.of("name", bob.name())).status()).isEqualTo(409);
        Api.Response bad = admin.post("/api/users", Map.of("name", "../etc"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void aTokenIsShownOnceNeverCachedAndListedWithoutItsSecret() {
        Api.User carol = admin.createUser(unique("carol"));
        Api.Response issued = carol.api().post("/api/users/" + carol.id() + "/tokens", Map.of("name", "laptop"));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("cz_").hasSizeGreaterThanOrEqualTo(3 + 43); // 256 bits in Base64
        assertThat(token).startsWith(issued.json().path("prefix").asString());

        Api.Response list = carol.api().get("/api/users/" + carol.id() + "/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).contains("no-store");
        assertThat(list.body()).doesNotContain(token).doesNotContain(carol.token());
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(1).path("prefix").asString()).isEqualTo(issued.json().path("prefix").asString());
        assertThat(admin.as(token).get("/api/me").json().path("id").asString()).isEqualTo(carol.id());
    }

    @Test
    void anotherUsersTokensAreNotFound() {
        Api.User dave = admin.createUser(unique("dave"));
        Api.User erin = admin.createUser(unique("erin"));
        String tokenId = dave.api().get("/api/users/" + dave.id() + "/tokens").json().get(0).path("id").asString();
        assertThat(erin.api().get("/api/users/" + dave.id() + "/tokens").status()).isEqualTo(404);
        assertThat(erin.api().post("/api/users/" + dave.id() + "/tokens", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(erin.api().delete("/api/tokens/" + tokenId).status()).isEqualTo(404);
        assertThat(dave.api().get("/api/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/users/" + dave.id() + "/tokens").status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextRequest() {
        Api.User frank = admin.createUser(unique("frank"));
        String tokenId = frank.api().get("/api/users/" + frank.id() + "/tokens").json().get(0).path("id").asString();
        assertThat(frank.api().get("/api/me").status()).isEqualTo(200);

        assertThat(frank.api().delete("/api/tokens/" + tokenId).status()).isEqualTo(204);

        Api.Response refused = frank.api().get("/api/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(admin.get("/api/users/" + frank.id() + "/tokens").json().get(0).path("revokedAt").isNull()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAndAnExpiryInThePastIsABadRequest() {
        Api.User grace = admin.createUser(unique("grace"));
        Api.Response past = admin.post("/api/users/" + grace.id() + "/tokens",
                Map.of("name", "old", "expiresAt", Instant.now().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresAt");

        Instant expiry = Instant.now().plusSeconds(2);
        String shortLived = admin.post("/api/users/" + grace.id() + "/tokens",
                Map.of("name", "short", "expiresAt", expiry.toString())).json().path("token").asString();
        assertThat(admin.as(shortLived).get("/api/me").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.as(shortLived).get("/api/me").status() == 401);
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    }

    @Test
    void answersCarrySecurityHeaders() {
        Api.Response r = admin.get("/api/me");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
