package io.crystallize.server.web.internal;

import io.crystallize.server.problem.ProblemType;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Map;
import java.util.TreeMap;

/**
 * Documents each operation from {@link ApiOperations}: id, tag, summary, description, the real success status
 * (201, 202, 204 where springdoc guesses 200), headers ({@code Location}, {@code Idempotency-Key}), request
 * examples, and every problem response with the problem schema.
 */
final class OpenApiOperations {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OpenApiExamples examples;

    OpenApiOperations(OpenApiExamples examples) {
        this.examples = examples;
    }

    void apply(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                ApiOperations.find(method.name().toLowerCase(), path).ifPresent(doc -> document(op, doc, path))));
    }

    private void document(Operation op, ApiOperations.Doc doc, String path) {
        op.operationId(doc.id()).summary(doc.summary()).description(doc.description()).tags(java.util.List.of(doc.tag()));
        boolean body = op.getRequestBody() != null;
        boolean parameters = body || (op.getParameters() != null && !op.getParameters().isEmpty());
        ApiResponses generated = op.getResponses();
        ApiResponse generatedOk = generated == null ? null : generated.get("200");
        ApiResponse success = new ApiResponse().description(doc.successDescription());
        if (doc.success() != 204 && generatedOk != null) {
            success.content(generatedOk.getContent());
        }
        if (doc.success() == 201 || doc.success() == 202) {
            success.addHeaderObject("Location", header("The URL of the created resource.", 2000));
        }
        Map<Integer, String> problems = new TreeMap<>(doc.problems());
        if (parameters) {
            problems.putIfAbsent(400, "Invalid request: `errors` names each invalid field; nothing was stored.");
        }
        if (path.contains("{")) {
            problems.putIfAbsent(404, "No such resource.");
        }
        if (body) {
            problems.putIfAbsent(413, "The body is larger than `crystallize.limits.max-request-size`.");
            problems.putIfAbsent(415, "The body is not `application/json`.");
            jsonOnly(op);
        }
        problems.putIfAbsent(406, "The `Accept` header allows none of the media types this operation answers with.");
        problems.putIfAbsent(500, "Unexpected failure; nothing was changed.");
        ApiResponses responses = new ApiResponses().addApiResponse(String.valueOf(doc.success()), success);
        if (doc.id().equals("downloadArtifact")) {
            download(success, responses);
        }
        problems.forEach((status, description) -> responses.addApiResponse(String.valueOf(status), problem(status, description)));
        op.setResponses(responses);
        if (doc.id().equals("createExperiment") || doc.id().equals("startRun")) {
            idempotent(op, success);
            example(op, doc.id().equals("createExperiment") ? examples.experiment() : examples.run(),
                    doc.id().equals("createExperiment") ? "The example of API.md" : "Three replicates of `boost`");
        }
    }

    private static ApiResponse problem(int status, String description) {
        String schema = status == 400 ? OpenApiConfiguration.VALIDATION_PROBLEM : OpenApiConfiguration.PROBLEM;
        String page = ProblemType.of(status).map(t -> " See [" + t.uri() + "](" + t.uri() + ").").orElse("");
        return new ApiResponse().description(description + page).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }

    private static Header header(String description, int maxLength) {
        return new Header().description(description).schema(OpenApiSchemas.string(null, maxLength));
    }

    /** Request bodies are JSON only: other media types are a 415 (YAML is not a feature). */
    private static void jsonOnly(Operation op) {
        Content content = op.getRequestBody().getContent();
        MediaType json = content.values().stream().findFirst().orElseGet(MediaType::new);
        op.getRequestBody().setContent(new Content().addMediaType("application/json", json));
    }

    private static void example(Operation op, Map<String, Object> value, String summary) {
        op.getRequestBody().getContent().get("application/json")
                .addExamples("example", new Example().summary(summary).value(value));
    }

    private static void idempotent(Operation op, ApiResponse success) {
        op.addParametersItem(new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
                .description("Makes a retry safe: the same key with the same request replays the first response "
                        + "(and creates nothing); with a different request it is a 422. Keys expire after "
                        + "`crystallize.idempotency.ttl`.")
                .schema(OpenApiSchemas.string(null, 255)));
        success.addHeaderObject("Idempotency-Replayed", new Header()
                .description("`true` when this is the replay of an earlier response to the same key.")
                .schema(OpenApiSchemas.withEnum(OpenApiSchemas.string(null, 5), "true")));
    }

    private static void download(ApiResponse success, ApiResponses responses) {
        Schema<Object> binary = OpenApiSchemas.string(null, null).format("binary");
        success.content(new Content().addMediaType("application/octet-stream", new MediaType().schema(binary)))
                .addHeaderObject("ETag", header("The SHA-256 of the bytes, quoted.", 66))
                .addHeaderObject("Content-Disposition", header("`attachment; filename=...`.", 1000));
        responses.addApiResponse("206", new ApiResponse().description("The requested `Range` of the bytes.")
                .content(new Content().addMediaType("application/octet-stream", new MediaType().schema(binary))));
        responses.addApiResponse("304", new ApiResponse().description("Not modified: `If-None-Match` holds the ETag."));
    }
}
