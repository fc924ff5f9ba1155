package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.crystallize.server.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Health details for admins only, other actuator endpoints admin-only, CORS off by default, open docs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void client() {
        admin = new Api(port);
    }

    @Test
    void anonymousHealthShowsOnlyTheStatus() {
        Api.Response anonymous = admin.anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode body = anonymous.json();
        assertThat(body.path("status").asString()).isEqualTo("UP");
        // Besides the status only the names of the health groups (liveness, readiness) are shown.
        assertThat(body.propertyNames()).containsAnyOf("status").doesNotContain("components", "details");
        assertThat(anonymous.body()).doesNotContain("diskSpace").doesNotContain("db").doesNotContain("path");

        Api.User user = admin.createUser(unique("henry"));
        assertThat(user.api().get("/actuator/health").json().propertyNames()).doesNotContain("components", "details");

        JsonNode detailed = admin.get("/actuator/health").json();
        assertThat(detailed.path("components").has("db")).isTrue();
        assertThat(detailed.path("components").has("diskSpace")).isTrue();
    }

    @Test
    void otherActuatorEndpointsAreForAdminsOnly() {
        assertThat(admin.anonymous().get("/actuator/info").status()).isEqualTo(401);
        Api.User user = admin.createUser(unique("ivy"));
        Api.Response forbidden = user.api().get("/actuator/info");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void corsIsOffByDefault() {
        Api.Response preflight = admin.anonymous().requestWithHeaders("OPTIONS", "/api/experiments",
                "Origin", "https://elsewhere.example.org", "Access-Control-Request-Method", "POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Api.Response cross = admin.get("/api/experiments", "Origin", "https://elsewhere.example.org");
        assertThat(cross.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theDocsAndSwaggerUiAreOpenAndOfferBearerAuthorization() {
        Api.Response docs = admin.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode scheme = docs.json().path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().path("security").get(0).has("bearer")).isTrue();
        assertThat(admin.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
