package io.crystallize.server.docs;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is the committed {@code docs/openapi.json}: a change of the API shows in review.
 * {@code -Dopenapi.write=true} rewrites the file from the served document instead (see CONTRIBUTING.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    /** The served document, pretty-printed as it is committed. */
    static String served(int port) {
        Api.Response r = new Api(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        return PRETTY.writeValueAsString(r.json()) + "\n";
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = served(port);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertThat(COMMITTED).as("docs/openapi.json is missing: regenerate it (CONTRIBUTING.md)").exists();
        assertThat(Api.JSON.readTree(served))
                .as("the served OpenAPI document differs from docs/openapi.json; if the change is intended, regenerate "
                        + "it (CONTRIBUTING.md: ./mvnw test -Dskip.postgres=true -Dtest=OpenApiDocumentTest -Dopenapi.write=true)")
                .isEqualTo(Api.JSON.readTree(Files.readString(COMMITTED)));
    }

    @Test
    void everyOperationHasASummaryADescriptionATagAndItsProblemResponses() {
        JsonNode doc = Api.JSON.readTree(served(port));
        List<String> missing = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            if (o.path("summary").asString("").isBlank() || o.path("description").asString("").isBlank()) {
                missing.add(name + ": summary or description");
            }
            if (o.path("tags").isEmpty()) {
                missing.add(name + ": tag");
            }
            boolean hasProblem = false;
            for (var response : o.get("responses").properties()) {
                if (response.getKey().startsWith("4")) {
                    hasProblem = true;
                    if (!response.getValue().path("content").has("application/problem+json")) {
                        missing.add(name + ": " + response.getKey() + " without the problem schema");
                    }
                }
            }
            if (!hasProblem) {
                missing.add(name + ": no 4xx response");
            }
        }));
        assertThat(missing).isEmpty();
        JsonNode validation = doc.at("/components/schemas/ValidationProblem");
        assertThat(validation.toString()).contains("errors");
    }
}
