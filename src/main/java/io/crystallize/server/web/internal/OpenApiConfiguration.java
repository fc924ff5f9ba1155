package io.crystallize.server.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The OpenAPI document served at {@code /v3/api-docs} (and Swagger UI): info, a relative server (so Swagger UI
 * calls whatever host it was loaded from), the problem schemas, and {@link OpenApiOperations} and
 * {@link OpenApiSchemas}, which document each operation and bound every schema. {@code docs/openapi.json} is
 * this document, checked by {@code OpenApiDocumentTest}. Its bearer security scheme makes Swagger UI's
 * "Authorize" send {@code Authorization: Bearer <token>}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String VALIDATION_PROBLEM = "ValidationProblem";

    @Bean
    OpenAPI crystallizeOpenApi() {
        Server server = new Server().url("/").description("This service, in whatever environment it was reached: "
                + "production, staging or local (the URL is relative to the page).");
        server.addExtension("x-internal", false);
        return new OpenAPI()
                .info(new Info().title("Crystallize Server").version("v1")
                        .description("Hosted, reproducible experiments: submit an experiment, run it, poll its status, "
                                + "read its results, seeds, logs and artifacts. Errors are RFC 9457 problem details "
                                + "whose `type` is a page under `/problems/`.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(server))
                .tags(List.of(
                        new Tag().name(ApiOperations.EXPERIMENTS).description("Experiment definitions: create, read, search, delete."),
                        new Tag().name(ApiOperations.RUNS).description("Runs of an experiment: start, poll, cancel, delete."),
                        new Tag().name(ApiOperations.RESULTS).description("What a run produced: metrics, hypotheses, units, seeds, log."),
                        new Tag().name(ApiOperations.ARTIFACTS).description("Files steps logged, and their bytes."),
                        new Tag().name(ApiOperations.CATALOG).description("The registered components definitions may use."),
                        new Tag().name(ApiOperations.ACCESS).description("Users, tokens and workspaces."),
                        new Tag().name(ApiOperations.EVENTS).description("Following runs: event streams and webhooks."),
                        new Tag().name(ApiOperations.OPTIMIZATIONS).description("Searches for the treatment that "
                                + "optimizes a metric: trials evaluated by the service, or asked and told.")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token (cz_…) or, with single sign-on, a JWT of the identity provider")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Added after springdoc has built its components (it drops schemas that nothing refers to yet). */
    static void addProblemSchemas(Components components) {
        components.addSchemas("FieldError", OpenApiSchemas.object("One invalid field of a request.")
                        .addProperty("field", OpenApiSchemas.string("The field's path, e.g. `steps[1].params.delta`.", 1000))
                        .addProperty("message", OpenApiSchemas.string("What is wrong with it.", 10_000)))
                .addSchemas(PROBLEM, problem())
                .addSchemas(VALIDATION_PROBLEM, problem().description("A 400: `errors` names each invalid field.")
                        .addProperty("errors", OpenApiSchemas.array(new Schema<>().$ref("#/components/schemas/FieldError"),
                                "Each invalid field with a message.", 1000)));
    }

    private static Schema<Object> problem() {
        return OpenApiSchemas.object("An RFC 9457 problem detail.")
                .addProperty("type", OpenApiSchemas.string("A URI reference to the page that explains the problem, "
                        + "`/problems/<name>`.", 200).format("uri-reference"))
                .addProperty("title", OpenApiSchemas.string("A short summary of the problem type.", 200))
                .addProperty("status", OpenApiSchemas.integer("The HTTP status.", 100, 599))
                .addProperty("detail", OpenApiSchemas.string("What went wrong with this request.", 10_000))
                .addProperty("instance", OpenApiSchemas.string("The request path.", 2000).format("uri-reference"));
    }

    @Bean
    OpenApiCustomizer crystallizeOperations(Environment environment) {
        return openApi -> {
            addProblemSchemas(openApi.getComponents());
            new OpenApiOperations(OpenApiExamples.load()).apply(openApi);
            new OpenApiSchemas(environment).apply(openApi);
        };
    }
}
