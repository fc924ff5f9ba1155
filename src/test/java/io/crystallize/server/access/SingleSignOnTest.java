package io.crystallize.server.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.crystallize.server.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static io.crystallize.server.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single sign-on: with an issuer configured, JWTs it signed are accepted and their user is created on first use.
 * The issuer is a real local HTTP server serving an OpenID discovery document and the JWK set of a key this test
 * owns; the service fetches them as it would from an identity provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

    private static final RSAKey KEY = generate("issuer-key");
    private static final RSAKey OTHER_KEY = generate("issuer-key");
    private static final HttpServer ISSUER = issuer();

    @LocalServerPort
    int port;

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuerUri() {
        return "http://localhost:" + ISSUER.getAddress().getPort();
    }

    private static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-issuer");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                    Api.JSON.writeValueAsString(Map.of("issuer", issuerUri(), "jwks_uri", issuerUri() + "/jwks",
                            "subject_types_supported", new String[] {"public"},
                            "id_token_signing_alg_values_supported", new String[] {"RS256"}))));
            server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", SingleSignOnTest::issuerUri);
    }

    /** The service fetches the issuer's configuration on the first JWT; a loaded machine may need a few tries. */
    @BeforeEach
    void issuerConfigurationLoaded() {
        Api api = new Api(port);
        await("issuer configuration loaded").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.as(jwt(KEY, issuerUri(), "warm-up", Instant.now().plusSeconds(60))).get("/api/me")
                        .status() == 200);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    private static String jwt(RSAKey key, String issuer, String subject, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject(subject).issueTime(new Date())
                            .expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aJwtOfTheIssuerIsAcceptedAndItsUserCreatedOnFirstUse() {
        Api api = new Api(port);
        String name = unique("sso-user");
        Api asUser = api.as(jwt(KEY, issuerUri(), name, Instant.now().plusSeconds(300)));

        JsonNode me = asUser.get("/api/me").json();
        assertThat(me.path("name").asString()).isEqualTo(name);
        assertThat(me.path("role").asString()).isEqualTo("USER");
        assertThat(me.path("workspaces")).hasSize(1);
        String id = me.path("id").asString();
        assertThat(api.as(jwt(KEY, issuerUri(), name, Instant.now().plusSeconds(300))).get("/api/me").json()
                .path("id").asString()).as("the same user the second time").isEqualTo(id);
        assertThat(asUser.get("/api/experiments").status()).isEqualTo(200);
        assertThat(api.get("/api/me").json().path("name").asString()).as("our own tokens still work").isEqualTo("admin");
    }

    @Test
    void aForeignExpiredOrImpersonatingJwtIsRefused() {
        Api api = new Api(port);
        Instant later = Instant.now().plusSeconds(300);
        for (String token : new String[] {
                jwt(OTHER_KEY, issuerUri(), unique("forged"), later),
                jwt(KEY, "http://elsewhere.example.org", unique("wrong-issuer"), later),
                jwt(KEY, issuerUri(), unique("late"), Instant.now().minusSeconds(600)),
                jwt(KEY, issuerUri(), "admin", later)}) {
            Api.Response r = api.as(token).get("/api/me");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }
}
