package io.crystallize.server.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code type} of every problem the service answers with: a URI reference {@code /problems/<name>} that
 * resolves, on the service itself, to a page saying what the problem means and what to do about it
 * ({@code ProblemPagesController}; the same list is {@code docs/problems.md}). One type per status, so a client
 * may switch on either.
 */
public enum ProblemType {

    VALIDATION(400, "validation", "The request is invalid",
            "A field of the request is missing, has the wrong type or breaks a rule (an unknown step type, a "
                    + "param that does not resolve, replicates out of range, an unknown treatment, ...). The "
                    + "`errors` list names each field (`steps[1].params.delta`, `replicates`, `tag`) with a message. "
                    + "Nothing was stored. Fix the named fields and send the request again."),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required",
            "The request carries no valid `Authorization: Bearer <token>`. Send a token that is neither expired "
                    + "nor revoked."),
    FORBIDDEN(403, "forbidden", "Not allowed",
            "The caller may read this resource but not change it (e.g. a workspace viewer who writes)."),
    NOT_FOUND(404, "not-found", "No such resource",
            "No experiment, run, artifact or path with this id exists (or it was deleted). Check the id, "
                    + "e.g. from the `Location` header of the request that created it."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed",
            "The path exists but does not answer this HTTP method; the `Allow` header lists those it does."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable",
            "The service cannot answer in a media type the `Accept` header allows; ask for `application/json`."),
    CONFLICT(409, "conflict", "Conflict with the current state",
            "The request is valid but clashes with what is stored: an experiment name already taken, an artifact "
                    + "folder that lies inside, contains or is another experiment's (`errors` names the field), results of a "
                    + "run that has not finished, cancelling or deleting a finished or an active run, resuming a run "
                    + "whose pipeline changed. The `detail` says which; wait, change the request, or delete first."),
    GONE(410, "gone", "Gone",
            "The artifact's bytes were pruned by version retention or replaced by a later run of the experiment. "
                    + "Its record stays so the loss is visible; run the experiment again to get them back."),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content too large",
            "The request body is larger than `crystallize.limits.max-request-size`. Send a smaller definition."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "Request bodies are JSON only: send `Content-Type: application/json` (YAML and form bodies are refused)."),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable",
            "The `Range` of an artifact download lies outside the artifact's bytes."),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable request",
            "The `Idempotency-Key` was already used with a different request. Use a new key for a new request."),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests",
            "A quota or rate limit was reached; `Retry-After` says when to try again."),
    INTERNAL(500, "internal", "Internal error",
            "The service failed unexpectedly. Nothing was changed by a failed request; the server log has the cause."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable",
            "The service is out of capacity or shutting down; `Retry-After`, when present, says when to try again.");

    /** Where the pages are served. */
    public static final String PATH = "/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String description;

    ProblemType(int status, String slug, String title, String description) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public int status() { return status; }
    public String slug() { return slug; }
    public String title() { return title; }
    public String description() { return description; }

    /** {@code /problems/<name>}: relative, so it resolves against whatever host and port the client reached. */
    public URI uri() {
        return URI.create(PATH + slug);
    }

    /** The type of an HTTP status; the statuses of no listed type have none (RFC 9457's {@code about:blank}). */
    public static Optional<ProblemType> of(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst();
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The type URI of a status as a string, {@code about:blank} when none is listed (for hand-written bodies). */
    public static String uriOf(int status) {
        return of(status).map(t -> t.uri().toString()).orElse("about:blank");
    }
}
