package io.crystallize.server.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document served at {@code /v3/api-docs} (and Swagger UI). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI crystallizeOpenApi() {
        return new OpenAPI().info(new Info().title("Crystallize Server").version("v1")
                .description("Hosted, reproducible experiments: submit an experiment, run it, poll its status, "
                        + "read its results, seeds, logs and artifacts. Errors are RFC 9457 problem details."));
    }
}
