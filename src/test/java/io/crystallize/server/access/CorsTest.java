package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code crystallize.security.cors.allowed-origins} set, browsers of those origins may call the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crystallize.security.cors.allowed-origins=https://lab.example.org")
class CorsTest {

    @LocalServerPort
    int port;

    @Test
    void aConfiguredOriginGetsItsPreflightAnsweredAndOthersDoNot() {
        Api api = new Api(port);
        Api.Response preflight = api.anonymous().get("/api/experiments");
        assertThat(preflight.status()).isEqualTo(401);

        Api.Response allowed = api.anonymous().requestWithHeaders("OPTIONS", "/api/experiments",
                "Origin", "https://lab.example.org", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://lab.example.org");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        Api.Response other = api.anonymous().requestWithHeaders("OPTIONS", "/api/experiments",
                "Origin", "https://evil.example.org", "Access-Control-Request-Method", "POST");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();

        Api.Response get = api.get("/api/experiments", "Origin", "https://lab.example.org");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://lab.example.org");
    }
}
