package io.crystallize.server.web.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the OpenAPI document says about each operation (API.md in the document's terms): its id, tag, summary,
 * description, success status and the problems it answers with besides the ones every operation of its kind
 * has (400 for parameters, 404 for a path id, 413/415 for a body, 500). Kept in one place so the controllers
 * stay plain; an operation missing here fails {@code OpenApiDocumentTest}. Add a row with a new endpoint.
 */
final class ApiOperations {

    /** One documented operation. */
    record Doc(String method, String path, String id, String tag, String summary, String description, int success,
               String successDescription, Map<Integer, String> problems) {
    }

    static final String EXPERIMENTS = "Experiments";
    static final String RUNS = "Runs";
    static final String RESULTS = "Results";
    static final String ARTIFACTS = "Artifacts";
    static final String CATALOG = "Catalog";
    static final String ACCESS = "Access";
    static final String EVENTS = "Events";
    static final String OPTIMIZATIONS = "Optimizations";

    private static final String NO_TOKEN = "No valid bearer token (missing, unknown, expired or revoked).";
    private static final String ADMINS = "Only admins may do this.";

    static final List<Doc> ALL = List.of(
            new Doc("post", "/api/experiments", "createExperiment", EXPERIMENTS, "Create an experiment",
                    "Stores an experiment definition after validating it against the catalog: types exist, params "
                            + "resolve for every condition, treatments do not clash with the initial context or reserved "
                            + "keys, hypotheses have treatments, limits hold. A rejected definition stores nothing.",
                    201, "Created; `Location` is the experiment's URL.",
                    Map.of(409, "An experiment with this name exists (delete it first, or pick another name).",
                            422, "The `Idempotency-Key` was used with a different request.")),
            new Doc("get", "/api/experiments", "listExperiments", EXPERIMENTS, "List and search experiments",
                    "A page of experiments, newest first. `name` matches the whole name, `q` a part of it "
                            + "(case-insensitively), each `tag` (`key:value`, or `key` for any value) must be carried.",
                    200, "A page of experiments.", Map.of()),
            new Doc("get", "/api/experiments/{id}", "getExperiment", EXPERIMENTS, "Read an experiment",
                    "The stored experiment: id, fingerprint (SHA-256 of the pipeline), creation time and the "
                            + "normalized definition.", 200, "The experiment.", Map.of()),
            new Doc("delete", "/api/experiments/{id}", "deleteExperiment", EXPERIMENTS, "Delete an experiment and its runs",
                    "Deletes the experiment with all its runs: units, seeds, logs, hypothesis results, artifact records "
                            + "and files. Its name can be used again.", 204, "Deleted.",
                    Map.of(409, "A run of the experiment is QUEUED or RUNNING; cancel it and wait until it has finished.")),
            new Doc("post", "/api/experiments/{experimentId}/runs", "startRun", RUNS, "Start a run",
                    "Stores a run QUEUED and schedules it; any node picks it up. The body is optional: override "
                            + "`replicates`, pick a subset of `treatments`, `strategy` `rerun` (default) or `resume` "
                            + "(keep the completed units of the latest run), or `debug` (one replicate, verbose, no "
                            + "hypotheses). Poll the run at `Location`.", 202, "Accepted; `Location` is the run's URL.",
                    Map.of(409, "`resume` of an experiment whose pipeline changed since its latest run.",
                            422, "The `Idempotency-Key` was used with a different request.")),
            new Doc("get", "/api/runs", "listRuns", RUNS, "List runs",
                    "A page of runs, newest first, of one experiment and/or in some statuses "
                            + "(`status=RUNNING,QUEUED`).", 200, "A page of runs.", Map.of()),
            new Doc("get", "/api/runs/{runId}", "getRun", RUNS, "Read a run's status",
                    "Status, base seed, conditions, progress, times, error count and links to the run's results, "
                            + "seeds, artifacts and log.", 200, "The run.", Map.of()),
            new Doc("delete", "/api/runs/{runId}", "deleteRun", RUNS, "Delete a finished run",
                    "Deletes the run with its units, seeds, log, hypothesis results, artifact records and artifact "
                            + "files.", 204, "Deleted.",
                    Map.of(409, "The run is QUEUED or RUNNING; cancel it and wait until it has finished.")),
            new Doc("post", "/api/runs/{runId}/cancel", "cancelRun", RUNS, "Cancel a run",
                    "Units not started never start; running ones stop at their next step; completed units are kept. "
                            + "The run ends `CANCELLED`.", 202, "Cancellation requested; the run as it is now.",
                    Map.of(409, "The run has already finished.")),
            new Doc("get", "/api/runs/{runId}/results", "getResults", RESULTS, "Read a finished run's results",
                    "Metrics per condition in replicate order, each hypothesis's verifier output per treatment with "
                            + "its ranking, and the errors of failed units.", 200, "The results.",
                    Map.of(409, "The run has not finished yet.")),
            new Doc("get", "/api/runs/{runId}/results.csv", "getResultsCsv", RESULTS, "Download results as CSV",
                    "One row per unit and metric value (RFC 4180).", 200, "The CSV.",
                    Map.of(409, "The run has not finished yet.")),
            new Doc("get", "/api/runs/{runId}/units", "listUnits", RESULTS, "List a run's units",
                    "Every stored unit: replicate, condition, status, seed and the node that executed it.",
                    200, "The units.", Map.of()),
            new Doc("get", "/api/runs/{runId}/seeds", "listSeeds", RESULTS, "List the seeds a run used",
                    "The seed of every unit, by replicate, then condition in run order.", 200, "The seeds.", Map.of()),
            new Doc("get", "/api/runs/{runId}/provenance", "getProvenance", RESULTS, "Read a run's provenance",
                    "Per unit (by replicate, then condition) and step: the context keys it read and wrote, the metrics "
                            + "it recorded and whether the step cache served it.", 200, "The provenance.",
                    Map.of(404, "No such run, or not in a workspace of the caller.")),
            new Doc("post", "/api/experiments/{id}/apply", "applyExperiment", EXPERIMENTS, "Apply the pipeline once",
                    "One pass of the pipeline, synchronously, stored nowhere: the datasource's data (or `data`), the "
                            + "context of `treatment` and the unit seed of `seed` (or the experiment's). Returns the "
                            + "last step's output and the metrics recorded (with `error` when a step failed).",
                    200, "The output and metrics.",
                    Map.of(504, "The pass took longer than `crystallize.apply.timeout`.")),
            new Doc("post", "/api/experiments/{id}/optimizations", "startOptimization", OPTIMIZATIONS,
                    "Start an optimization",
                    "Searches `space` (context keys: float, int or categorical) for the treatment that minimizes or "
                            + "maximizes the mean of `objective.metric`. Its `trials` are stored at once and evaluated "
                            + "in the background, each over the experiment's replicates with the ordinary seeds.",
                    202, "Accepted; `Location` is the optimization's URL.",
                    Map.of(400, "A bad space, objective, sampler or trial count; nothing is stored.",
                            429, "The node's optimization pool and queue are full; nothing is stored.")),
            new Doc("get", "/api/optimizations/{id}", "getOptimization", OPTIMIZATIONS, "Read an optimization",
                    "Status, trials with their params and objective values, and the best trial so far.",
                    200, "The optimization.", Map.of(404, "No such optimization, or not in a workspace of the caller.")),
            new Doc("post", "/api/optimizations/{id}/cancel", "cancelOptimization", OPTIMIZATIONS,
                    "Cancel an optimization", "Trials not started never start; the running one stops at its next step.",
                    202, "Cancellation requested; the optimization as it is now.",
                    Map.of(409, "The optimization has already finished.")),
            new Doc("post", "/api/optimizations/{id}/ask", "askTrial", OPTIMIZATIONS, "Ask for a trial",
                    "The next trial's number and params, for an evaluator outside the service; stored as asked.",
                    200, "The trial and its params.", Map.of(404, "No such optimization.")),
            new Doc("post", "/api/optimizations/{id}/tell", "tellTrial", OPTIMIZATIONS, "Tell a trial's value",
                    "The objective value an external evaluator measured for an asked trial.", 200,
                    "The optimization with the value stored.",
                    Map.of(409, "The trial was not asked, or was told already.")),
            new Doc("get", "/api/runs/{runId}/logs", "getLogs", RESULTS, "Read a run's log",
                    "The run's own log lines, as text.", 200, "The log.", Map.of()),
            new Doc("get", "/api/runs/{runId}/artifacts", "listArtifacts", ARTIFACTS, "List a run's artifacts",
                    "The artifact records of the run with size, SHA-256, content type and download URL.",
                    200, "The artifact records.", Map.of()),
            new Doc("get", "/api/artifacts/{artifactId}/content", "downloadArtifact", ARTIFACTS, "Download an artifact",
                    "The bytes, streamed, with `ETag` (the SHA-256) and `Content-Disposition`. `Range` gives 206; "
                            + "`If-None-Match` with the ETag gives 304.", 200, "The bytes.",
                    Map.of(410, "The bytes were pruned by retention or replaced by a later run.",
                            416, "The `Range` lies outside the artifact.")),
            new Doc("get", "/api/me", "getMe", ACCESS, "Who am I",
                    "The caller: id, name, role and the workspaces it belongs to with its role in each.",
                    200, "The caller.", Map.of(401, NO_TOKEN)),
            new Doc("post", "/api/users", "createUser", ACCESS, "Create a user",
                    "Creates a user with a personal workspace (admins only).", 201, "The user.",
                    Map.of(401, NO_TOKEN, 403, ADMINS, 409, "A user with this name exists.")),
            new Doc("post", "/api/users/{id}/tokens", "createToken", ACCESS, "Issue a token",
                    "A new API token for the user (the user itself or an admin). The token is shown this once; "
                            + "only its hash is stored.", 201, "The token, shown once.", Map.of(401, NO_TOKEN)),
            new Doc("get", "/api/users/{id}/tokens", "listTokens", ACCESS, "List a user's tokens",
                    "The user's tokens without their secrets: name, prefix, expiry, revocation.", 200, "The tokens.",
                    Map.of(401, NO_TOKEN)),
            new Doc("delete", "/api/tokens/{tokenId}", "revokeToken", ACCESS, "Revoke a token",
                    "The token is refused from the next request on.", 204, "Revoked.", Map.of(401, NO_TOKEN)),
            new Doc("post", "/api/workspaces", "createWorkspace", ACCESS, "Create a workspace",
                    "A shared workspace; the caller is its OWNER.", 201, "The workspace.", Map.of(401, NO_TOKEN)),
            new Doc("put", "/api/workspaces/{id}/members/{userId}", "putMember", ACCESS, "Add or change a member",
                    "Gives the user a role (VIEWER, EDITOR or OWNER) in the workspace.", 200, "The membership.",
                    Map.of(401, NO_TOKEN, 403, "Only an owner of the workspace may change its members.")),
            new Doc("delete", "/api/workspaces/{id}/members/{userId}", "deleteMember", ACCESS, "Remove a member",
                    "Removes the user from the workspace (never its last owner).", 204, "Removed.",
                    Map.of(401, NO_TOKEN, 403, "Only an owner of the workspace may change its members.",
                            409, "The workspace would have no owner left.")),
            new Doc("get", "/api/runs/{runId}/events", "runEvents", EVENTS, "Follow a run",
                    "A `text/event-stream` of `status`, `progress`, `unit-failed` and last `finished`; each event has "
                            + "an id and `Last-Event-ID` resumes after it.", 200, "The event stream.",
                    Map.of(401, NO_TOKEN, 429, "Too many open streams for this caller.")),
            new Doc("post", "/api/webhooks", "createWebhook", EVENTS, "Register a webhook",
                    "Deliveries of the events of the runs of one workspace (`workspace`, default the caller's personal "
                            + "one; needs write access to it), signed as Standard Webhooks; the secret is shown once.",
                    201, "The webhook with its secret.", Map.of(401, NO_TOKEN,
                            403, "The caller's role in the workspace does not allow writing.",
                            404, "No such workspace, or one the caller cannot read.")),
            new Doc("get", "/api/webhooks", "listWebhooks", EVENTS, "List webhooks",
                    "The webhooks of the caller's workspaces, without their secrets.", 200, "The webhooks.",
                    Map.of(401, NO_TOKEN)),
            new Doc("get", "/api/webhooks/{id}", "getWebhook", EVENTS, "Read a webhook", "Without its secret.",
                    200, "The webhook.", Map.of(401, NO_TOKEN)),
            new Doc("delete", "/api/webhooks/{id}", "deleteWebhook", EVENTS, "Remove a webhook",
                    "No further deliveries (needs write access to its workspace).", 204, "Removed.",
                    Map.of(401, NO_TOKEN)),
            new Doc("get", "/api/webhooks/{id}/deliveries", "listDeliveries", EVENTS, "A webhook's delivery log",
                    "Every attempt with its status code and time.", 200, "The attempts.", Map.of(401, NO_TOKEN)),
            new Doc("post", "/api/catalog/remote", "registerRemote", CATALOG, "Register a remote component",
                    "A step or datasource served by an allow-listed URL, called once per unit (admins only).",
                    201, "The registration.", Map.of(401, NO_TOKEN, 403, ADMINS, 409, "The type exists.")),
            new Doc("get", "/api/catalog/remote", "listRemotes", CATALOG, "List remote components",
                    "Registrations with their URLs (admins only; everyone sees the types in the catalog).",
                    200, "The registrations.", Map.of(401, NO_TOKEN, 403, ADMINS)),
            new Doc("get", "/api/catalog/remote/{type}", "getRemote", CATALOG, "Read a remote component",
                    "One registration (admins only).", 200, "The registration.", Map.of(401, NO_TOKEN, 403, ADMINS)),
            new Doc("delete", "/api/catalog/remote/{type}", "deleteRemote", CATALOG, "Remove a remote component",
                    "Its type leaves the catalog (admins only).", 204, "Removed.", Map.of(401, NO_TOKEN, 403, ADMINS)),
            new Doc("get", "/api/catalog", "getCatalog", CATALOG, "List the catalog",
                    "Every registered datasource, step, verifier and plugin with its parameters (name, type, "
                            + "required, default, description).", 200, "The catalog.", Map.of()));

    private ApiOperations() {
    }

    static Optional<Doc> find(String method, String path) {
        return ALL.stream().filter(d -> d.method().equals(method) && d.path().equals(path)).findFirst();
    }
}
