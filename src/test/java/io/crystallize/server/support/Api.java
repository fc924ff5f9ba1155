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

/**
 * A small client of the service's HTTP API over real HTTP (JDK HttpClient), for end-to-end tests. It sends the
 * bootstrap admin's token ({@link #ADMIN_TOKEN}, which every test context and {@link ServerProcess} is given) unless
 * made with another one by {@link #as(String)} or without one by {@link #anonymous()}.
 */
public final class Api {

    /** The admin token of every test server ({@code crystallize.security.bootstrap-token}). */
    public static final String ADMIN_TOKEN = "cz_test-admin-token-not-for-production-0123456789";

    /** The mapper tests use to read and write JSON. */
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final java.util.Set<String> FINISHED = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final URI base;
    private final String token;

    public Api(URI base) {
        this(base, ADMIN_TOKEN);
    }

    private Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client of the same server that sends {@code token} instead. */
    public Api as(String token) {
        return new Api(base, token);
    }

    /** A client of the same server that sends no token. */
    public Api anonymous() {
        return new Api(base, null);
    }

    /** A user of the server, its token, its personal workspace and a client that acts as it. */
    public record User(String id, String name, String token, String workspace, Api api) {
    }

    /** Creates a user (as this client, an admin) with a token, and returns it. */
    public User createUser(String name) {
        Response r = post("/api/users", Map.of("name", name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        String token = createToken(id, "test");
        Api api = as(token);
        String workspace = api.get("/api/me").json().path("workspaces").get(0).path("id").asString();
        return new User(id, name, token, workspace, api);
    }

    /** Issues a token for a user (as this client) and returns its value. */
    public String createToken(String userId, String name) {
        Response r = post("/api/users/" + userId + "/tokens", Map.of("name", name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("token").asString();
    }

    /** Creates a shared workspace owned by this client's user and returns its id. */
    public String createWorkspace(String name) {
        Response r = post("/api/workspaces", Map.of("name", name));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** Gives a user a role (VIEWER, EDITOR, OWNER) in a workspace this client's user owns. */
    public void addMember(String workspaceId, String userId, String role) {
        Response r = put("/api/workspaces/" + workspaceId + "/members/" + userId, Map.of("role", role));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
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

    /** A GET with request headers (e.g. {@code If-None-Match}). */
    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** An exchange's raw body bytes (as sent: a gzip body stays compressed). */
    public record BytesResponse(int status, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body, gunzipped when the server sent it with {@code Content-Encoding: gzip}. */
        public String text() {
            try {
                byte[] bytes = "gzip".equalsIgnoreCase(header("Content-Encoding"))
                        ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A GET whose body is kept as bytes, with request headers (e.g. {@code Accept-Encoding: gzip}). */
    public BytesResponse getBytes(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return sendForBytes(request);
    }

    /** A POST of JSON whose answer is kept as bytes. */
    public BytesResponse postBytes(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return sendForBytes(request);
    }

    private BytesResponse sendForBytes(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(authorized(request).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new BytesResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with extra headers, as name, value pairs. */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Any method, with a JSON body (null: none). */
    public Response request(String method, String path, Object body) {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** Any method without a body, with extra headers as name, value pairs (e.g. a CORS preflight). */
    public Response requestWithHeaders(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Response put(String path, Object body) {
        return request("PUT", path, body);
    }

    public Response delete(String path) {
        return request("DELETE", path, null);
    }

    /** Sends {@code body} with an explicit {@code Content-Type} (e.g. to check which media types are refused). */
    public Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
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

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        return request;
    }

    /**
     * Any method, any headers, a raw body (null: none) with {@code Content-Type: application/json} unless the headers
     * set one: for tests of hostile or unusual requests.
     */
    public Response request(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts a body of unknown length (sent chunked), e.g. to test limits on streamed bodies. */
    public Response postChunked(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    /** How many experiments are stored: a rejected request must leave it unchanged. */
    public long experimentCount() {
        Response r = get("/api/experiments?size=1");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("totalElements").asLong();
    }

    /**
     * Opens {@code GET path} as a {@code text/event-stream} (with {@code headers}, e.g. {@code Last-Event-ID}) and
     * returns once the response headers have arrived; read the events with {@link EventStream#read()}.
     */
    public EventStream stream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStream(CLIENT.send(authorized(request).build(), HttpResponse.BodyHandlers.ofInputStream()));
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

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(authorized(request).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether health answers UP within {@code timeout} (a slower answer counts as unhealthy). */
    public boolean isHealthyWithin(Duration timeout) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && "UP".equals(JSON.readTree(r.body()).path("status").asString());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isHealthy() {
        try {
            Response r = anonymous().get("/actuator/health");
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
