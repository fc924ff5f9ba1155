package io.crystallize.server.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A small client of the service's HTTP API over real HTTP (JDK HttpClient), for end-to-end tests. */
public final class Api {

    /** The mapper tests use to read and write JSON. */
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final java.util.Set<String> FINISHED = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public Api(int port) {
        this(URI.create("http://localhost:" + port));
    }

    /** One HTTP exchange's outcome. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    /** Posts {@code body} as JSON (a map, a list, a record; null posts no body). */
    public Response post(String path, Object body) {
        return post(path, body == null ? null : JSON.writeValueAsString(body));
    }

    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * Opens {@code GET path} as a {@code text/event-stream} (with {@code headers}, e.g. {@code Last-Event-ID}) and
     * returns once the response headers have arrived; read the events with {@link EventStream#read()}.
     */
    public EventStream stream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET path} with an {@code Accept} header. */
    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
    }

    /** {@code DELETE path}. */
    public Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isHealthy() {
        try {
            Response r = get("/actuator/health");
            return r.status() == 200 && "UP".equals(r.json().path("status").asString());
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    /** Creates an experiment and returns its id. */
    public String createExperiment(String json) {
        Response r = post("/api/experiments", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    public String createExperiment(Object definition) {
        return createExperiment(JSON.writeValueAsString(definition));
    }

    public String startRun(String experimentId, Object request) {
        return startRun(experimentId, request == null ? null : JSON.writeValueAsString(request));
    }

    /** Waits until the run has finished, however it ended, and returns its final view. */
    public JsonNode awaitFinished(String runId) {
        return await("run " + runId + " finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> run(runId), r -> FINISHED.contains(r.path("status").asString()));
    }

    /** Starts a run (body may be null) and returns its id. */
    public String startRun(String experimentId, String body) {
        Response r = post("/api/experiments/" + experimentId + "/runs", body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("id").asString();
    }

    public JsonNode run(String runId) {
        Response r = get("/api/runs/" + runId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Waits until the run has finished and returns it; it must have ended {@code COMPLETED}. */
    public JsonNode awaitCompleted(String runId, Duration atMost) {
        JsonNode run = await("run " + runId + " finished").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> run(runId), r -> FINISHED.contains(r.path("status").asString()));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        return run;
    }

    public JsonNode results(String runId) {
        Response r = get("/api/runs/" + runId + "/results");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
