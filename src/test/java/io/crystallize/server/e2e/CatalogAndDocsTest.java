package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog of SPEC §6, the OpenAPI document, Swagger UI and health. */
class CatalogAndDocsTest extends E2eTest {

    private static List<String> types(JsonNode entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("type").asString()));
        return out;
    }

    @Test
    void theCatalogListsEveryBuiltInWithItsParams() {
        JsonNode catalog = api.get("/api/catalog").json();
        assertThat(types(catalog.get("datasources"))).contains("inline", "range", "random.normal", "random.uniform");
        assertThat(types(catalog.get("steps"))).contains("math.add", "math.scale", "noise.gaussian", "stats.summary",
                "metric.context", "artifact.json", "sleep", "fail");
        assertThat(types(catalog.get("verifiers"))).contains("welch_t_test", "t_test", "paired_t_test", "mann_whitney_u");
        assertThat(types(catalog.get("plugins"))).contains("seed", "logging", "serial", "parallel", "trace");
        JsonNode add = null;
        for (JsonNode s : catalog.get("steps")) {
            if (s.get("type").asString().equals("math.add")) {
                add = s;
            }
        }
        assertThat(add).isNotNull();
        assertThat(add.get("description").asString()).isNotBlank();
        JsonNode delta = add.get("params").get(0);
        assertThat(delta.get("name").asString()).isEqualTo("delta");
        assertThat(delta.get("type").asString()).isEqualTo("number");
        assertThat(delta.get("required").asBoolean()).isFalse();
        assertThat(delta.get("default").asInt()).isEqualTo(0);
        assertThat(delta.has("description")).isTrue();
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointAndSwaggerUiIsServed() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/experiments")).isTrue();
        assertThat(paths.has("/api/experiments/{id}")).isTrue();
        assertThat(paths.has("/api/experiments/{experimentId}/runs")).isTrue();
        for (String p : List.of("/api/runs", "/api/runs/{runId}", "/api/runs/{runId}/cancel", "/api/runs/{runId}/results",
                "/api/runs/{runId}/seeds", "/api/runs/{runId}/logs", "/api/catalog")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        Api.Response ui = api.get("/swagger-ui.html");
        assertThat(ui.status()).isIn(200, 302);
        Api.Response index = api.get("/swagger-ui/index.html");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui");
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }
}
