package io.crystallize.server.access;

import java.util.Map;

import static io.crystallize.server.access.AccessFixtures.experiment;
import static io.crystallize.server.access.AccessFixtures.in;
import static io.crystallize.server.access.AccessFixtures.unique;
import static java.util.Map.entry;

/**
 * Who may call each endpoint ("METHOD pattern" as Spring maps it). Add a line for every new endpoint:
 * {@link EndpointAccessTest} fails for a mapping that is not here.
 */
final class EndpointRules {

    /** What an endpoint lets in. */
    enum Rule {
        /** Anyone, without a token. */
        PUBLIC,
        /** Any authenticated user. */
        AUTHENTICATED,
        /** Admins only: others get 403. */
        ADMIN,
        /** The user named in the path, or an admin: others get 404. */
        SELF,
        /** Readers of the resource's workspace: others get 404. */
        READ,
        /** Editors of the resource's workspace: viewers get 403, others 404. */
        WRITE,
        /** A list that shows only what the caller's workspaces hold. */
        LIST
    }

    static final Map<String, Rule> RULES = Map.ofEntries(
            entry("GET /api/me", Rule.AUTHENTICATED),
            entry("POST /api/users", Rule.ADMIN),
            entry("POST /api/users/{id}/tokens", Rule.SELF),
            entry("GET /api/users/{id}/tokens", Rule.SELF),
            entry("DELETE /api/tokens/{tokenId}", Rule.SELF),
            entry("POST /api/workspaces", Rule.AUTHENTICATED),
            entry("PUT /api/workspaces/{id}/members/{userId}", Rule.WRITE),
            entry("DELETE /api/workspaces/{id}/members/{userId}", Rule.WRITE),
            entry("GET /api/catalog", Rule.AUTHENTICATED),
            entry("POST /api/experiments", Rule.WRITE),
            entry("GET /api/experiments", Rule.LIST),
            entry("GET /api/experiments/{id}", Rule.READ),
            entry("POST /api/experiments/{experimentId}/runs", Rule.WRITE),
            entry("GET /api/runs", Rule.LIST),
            entry("GET /api/runs/{runId}", Rule.READ),
            entry("POST /api/runs/{runId}/cancel", Rule.WRITE),
            entry("GET /api/runs/{runId}/results", Rule.READ),
            entry("GET /api/runs/{runId}/results.csv", Rule.READ),
            entry("GET /api/runs/{runId}/units", Rule.READ),
            entry("GET /api/runs/{runId}/seeds", Rule.READ),
            entry("GET /api/runs/{runId}/logs", Rule.READ),
            entry("GET /api/runs/{runId}/artifacts", Rule.READ),
            entry("GET /api/artifacts/{artifactId}/content", Rule.READ),
            entry("DELETE /api/experiments/{id}", Rule.WRITE),
            entry("DELETE /api/runs/{runId}", Rule.WRITE),
            entry("GET /api/runs/{runId}/events", Rule.READ),
            entry("GET /api/runs/{runId}/provenance", Rule.READ),
            // Apply runs the pipeline (code, compute) although it stores nothing: editors only, as a run is.
            entry("POST /api/experiments/{id}/apply", Rule.WRITE),
            entry("POST /api/experiments/{id}/optimizations", Rule.WRITE),
            entry("GET /api/optimizations/{id}", Rule.READ),
            entry("POST /api/optimizations/{id}/cancel", Rule.WRITE),
            entry("POST /api/optimizations/{id}/ask", Rule.WRITE),
            entry("POST /api/optimizations/{id}/tell", Rule.WRITE),
            // Remote components run in everyone's experiments: admins register and remove them.
            entry("POST /api/catalog/remote", Rule.ADMIN),
            entry("GET /api/catalog/remote", Rule.ADMIN),
            entry("GET /api/catalog/remote/{type}", Rule.ADMIN),
            entry("DELETE /api/catalog/remote/{type}", Rule.ADMIN),
            // A webhook belongs to a workspace and hears of its runs only.
            entry("POST /api/webhooks", Rule.WRITE),
            entry("GET /api/webhooks", Rule.LIST),
            entry("GET /api/webhooks/{id}", Rule.READ),
            entry("DELETE /api/webhooks/{id}", Rule.WRITE),
            entry("GET /api/webhooks/{id}/deliveries", Rule.READ),
            // The dashboard's pages have their own sign-in (a session; DashboardBrowserTest checks who sees what).
            entry("GET /", Rule.PUBLIC),
            entry("GET /login", Rule.PUBLIC),
            entry("POST /login", Rule.PUBLIC),
            entry("POST /logout", Rule.PUBLIC),
            entry("GET /experiments/{id}", Rule.PUBLIC),
            entry("GET /runs/{runId}", Rule.PUBLIC),
            // The pages that explain each problem type.
            entry("GET /problems", Rule.PUBLIC),
            entry("GET /problems/{slug}", Rule.PUBLIC),
            // Outside /api: the error page, the API docs and Swagger UI are open.
            entry("ANY /error", Rule.PUBLIC),
            entry("GET /v3/api-docs", Rule.PUBLIC),
            entry("GET /v3/api-docs.yaml", Rule.PUBLIC),
            entry("GET /v3/api-docs/swagger-config", Rule.PUBLIC),
            entry("GET /swagger-ui.html", Rule.PUBLIC));

    private EndpointRules() {
    }

    /** A valid registration in {@code workspace} (EndpointAccessTest allows the host). */
    static Map<String, Object> webhook(String workspace) {
        return Map.of("url", "http://localhost:9/hook", "events", java.util.List.of("run.completed"), "workspace", workspace);
    }

    /** The body a write of this endpoint sends (valid, so a refusal is the access rule's, not validation's). */
    static Object body(String endpoint, String workspace) {
        return switch (endpoint) {
            case "POST /api/users" -> Map.of("name", unique("someone"));
            case "POST /api/users/{id}/tokens" -> Map.of("name", "probe");
            case "POST /api/workspaces" -> Map.of("name", unique("ws"));
            case "PUT /api/workspaces/{id}/members/{userId}" -> Map.of("role", "VIEWER");
            case "POST /api/experiments" -> in(workspace, experiment(unique("probe")));
            case "POST /api/catalog/remote" -> Map.of("kind", "step", "type", unique("probe.step"),
                    "url", "http://localhost:9/step", "params", java.util.List.of());
            case "POST /api/experiments/{id}/optimizations" -> Map.of("space", Map.of("delta", Map.of("type", "float",
                    "low", 0, "high", 1)), "objective", Map.of("metric", "mean", "direction", "maximize"), "trials", 0);
            case "POST /api/optimizations/{id}/tell" -> Map.of("trial", 0, "value", 1.0);
            case "POST /api/webhooks" -> webhook(workspace);
            default -> null;
        };
    }
}
