package io.crystallize.server.remote;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering, listing and deleting remote components; bad registrations are 400s naming the field, nothing stored. */
class RemoteRegistrationTest extends RemoteE2eTest {

    private static Map<String, Object> valid(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "step");
        body.put("type", type);
        body.put("description", "adds noise in Python");
        body.put("url", "http://127.0.0.1:9/step");
        body.put("params", List.of(Map.of("name", "sd", "type", "number", "default", 1, "description", "noise sd"),
                Map.of("name", "n", "type", "integer")));
        body.put("timeout", "PT5S");
        body.put("maxConcurrency", 4);
        body.put("retries", 1);
        return body;
    }

    private static JsonNode entry(JsonNode list, String type) {
        return StreamSupport.stream(list.spliterator(), false).filter(e -> e.path("type").asString().equals(type))
                .findFirst().orElse(null);
    }

    @Test
    void aRegisteredTypeIsInTheCatalogWithRemoteTrueUntilDeleted() {
        String type = unique("py.noise");
        Api.Response created = api.post("/api/catalog/remote", valid(type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/catalog/remote/" + type);
        assertThat(created.json().path("timeout").asString()).isEqualTo("PT5S");
        assertThat(created.json().path("remote").asBoolean()).isTrue();

        JsonNode catalog = api.get("/api/catalog").json();
        JsonNode entry = entry(catalog.path("steps"), type);
        assertThat(entry).isNotNull();
        assertThat(entry.path("remote").asBoolean()).isTrue();
        assertThat(entry.path("description").asString()).isEqualTo("adds noise in Python");
        assertThat(entry.path("params").get(0).path("name").asString()).isEqualTo("sd");
        assertThat(entry.path("params").get(0).path("default").asInt()).isEqualTo(1);
        assertThat(entry.path("params").get(1).path("required").asBoolean()).isTrue();
        assertThat(entry(catalog.path("steps"), "math.add").path("remote").asBoolean()).isFalse();
        assertThat(api.get("/api/catalog/remote/" + type).json().path("url").asString()).isEqualTo("http://127.0.0.1:9/step");

        // Definitions validate against the registered params, like a built-in's.
        Map<String, Object> d = definition(unique("uses-remote"), List.of(Map.of("type", type, "params", Map.of("sd", "high"))),
                1, serial());
        Api.Response invalid = api.post("/api/experiments", d);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("steps[0].params.sd", "steps[0].params.n");

        assertThat(api.post("/api/catalog/remote", valid(type)).status()).isEqualTo(409);
        assertThat(api.delete("/api/catalog/remote/" + type).status()).isEqualTo(204);
        assertThat(entry(api.get("/api/catalog").json().path("steps"), type)).isNull();
        assertThat(api.delete("/api/catalog/remote/" + type).status()).isEqualTo(404);
        assertThat(api.post("/api/experiments", d).body()).contains("unknown type '" + type + "'");
    }

    @Test
    void aUrlOutsideTheAllowListIsA400NamingUrlAndStoresNothing() {
        String type = unique("py.evil");
        Map<String, Object> body = valid(type);
        body.put("url", "http://example.com/step");
        Api.Response r = api.post("/api/catalog/remote", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(r.json().path("errors").get(0).path("message").asString())
                .isEqualTo("host 'example.com' is not in crystallize.remote.allowed-hosts");
        assertThat(api.get("/api/catalog/remote/" + type).status()).isEqualTo(404);
        assertThat(api.get("/api/catalog/remote").body()).doesNotContain(type);
    }

    @Test
    void everyBadFieldIsNamed() {
        Map<String, Object> body = valid("bad type!");
        body.put("kind", "verifier");
        body.put("url", "ftp://127.0.0.1/x");
        body.put("timeout", "PT0S");
        body.put("maxConcurrency", 0);
        body.put("retries", 99);
        body.put("params", List.of(Map.of("name", "a", "type", "float"), Map.of("name", "b", "type", "integer", "default", "x"),
                Map.of("name", "b", "type", "number", "required", true, "default", 1)));
        Api.Response r = api.post("/api/catalog/remote", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(StreamSupport.stream(r.json().path("errors").spliterator(), false).map(e -> e.path("field").asString()))
                .containsExactly("kind", "type", "url", "params[0].type", "params[1].default", "params[2].name",
                        "params[2].default", "timeout", "maxConcurrency", "retries");

        Map<String, Object> unreadable = valid(unique("x"));
        unreadable.put("timeout", "soon");
        Api.Response badDuration = api.post("/api/catalog/remote", unreadable);
        assertThat(badDuration.status()).isEqualTo(400);
        assertThat(badDuration.json().path("errors").get(0).path("field").asString()).isEqualTo("timeout");

        Map<String, Object> credentials = valid(unique("x"));
        credentials.put("url", "http://user:secret@127.0.0.1/x");
        assertThat(api.post("/api/catalog/remote", credentials).body()).contains("must not carry credentials");
    }

    @Test
    void aBuiltInTypeCannotBeShadowed() {
        Api.Response r = api.post("/api/catalog/remote", valid("math.add"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).contains("math.add");
    }
}
