package io.crystallize.server.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and description of the OpenAPI document served at {@code /v3/api-docs} (and Swagger UI), and its
 * bearer security scheme, so Swagger UI's "Authorize" sends {@code Authorization: Bearer <token>}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI crystallizeOpenApi() {
        return new OpenAPI().info(new Info().title("Crystallize Server").version("v1")
                .description("Hosted, reproducible experiments: submit an experiment, run it, poll its status, "
                        + "read its results, seeds, logs and artifacts. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token (cz_…) or, with single sign-on, a JWT of the identity provider")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
