package io.crystallize.server.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A small client of the service over real HTTP (JDK HttpClient), returning status, headers and JSON. */
final class Api {

    record Response(int status, HttpResponse<String> raw, JsonNode json) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, Object body) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an experiment (expects 201) and returns its id. */
    String createExperiment(Object definition) {
        Response r = post("/api/experiments", definition);
        if (r.status() != 201) {
            throw new AssertionError("expected 201, got " + r.status() + ": " + r.body());
        }
        return r.json().get("id").asString();
    }

    /** Starts a run (expects 202) and returns its id. */
    String startRun(String experimentId, Object request) {
        Response r = post("/api/experiments/" + experimentId + "/runs", request);
        if (r.status() != 202) {
            throw new AssertionError("expected 202, got " + r.status() + ": " + r.body());
        }
        return r.json().get("id").asString();
    }

    /** Waits until the run has finished and returns its final view. */
    JsonNode awaitFinished(String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                java.util.Set.of("COMPLETED", "FAILED", "CANCELLED").contains(get("/api/runs/" + runId).json()
                        .get("status").asString()));
        return get("/api/runs/" + runId).json();
    }
}
