package io.crystallize.server.web.internal;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request examples of the document, from {@code src/main/resources/openapi/}: the API.md experiment and a run
 * body. Swagger UI pre-fills them, and they work as they stand (checked in a browser by {@code SwaggerUiTest}).
 */
record OpenApiExamples(Map<String, Object> experiment, Map<String, Object> run) {

    static final String EXPERIMENT = "openapi/experiment-example.json";
    static final String RUN = "openapi/run-example.json";

    static OpenApiExamples load() {
        return new OpenApiExamples(read(EXPERIMENT), read(RUN));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
