package io.crystallize.server.artifact.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/** A small client of the service over real HTTP (JDK HttpClient), as the test admin (support.Api's token). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, HttpResponse<byte[]> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        byte[] bytes() {
            return raw.body();
        }

        String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    Response post(String path, Object body) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                .setHeader("Authorization", "Bearer " + io.crystallize.server.support.Api.ADMIN_TOKEN).build();
        try {
            return client.send(authorized, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        HttpResponse<byte[]> r = send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r);
    }

    /** Creates an experiment (expects 201) and returns its id. */
    String createExperiment(Object definition) {
        Response r = post("/api/experiments", definition);
        if (r.status() != 201) {
            throw new AssertionError("expected 201, got " + r.status() + ": " + r.text());
        }
        return r.json().get("id").asString();
    }

    /** Starts a run (expects 202) and waits until it has finished; returns its final view. */
    JsonNode run(String experimentId, Object request) {
        Response r = post("/api/experiments/" + experimentId + "/runs", request);
        if (r.status() != 202) {
            throw new AssertionError("expected 202, got " + r.status() + ": " + r.text());
        }
        String runId = r.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                Set.of("COMPLETED", "FAILED", "CANCELLED").contains(get("/api/runs/" + runId).json()
                        .get("status").asString()));
        return get("/api/runs/" + runId).json();
    }

    /** Runs and expects COMPLETED. */
    JsonNode runCompleted(String experimentId) {
        JsonNode run = run(experimentId, null);
        if (!run.get("status").asString().equals("COMPLETED")) {
            throw new AssertionError("run did not complete: " + run);
        }
        return run;
    }
}
