package io.crystallize.server.docs;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spectral ({@code spectral:oas} and the OWASP API security ruleset, {@code .spectral.yaml}) finds no error in the
 * served OpenAPI document. Its report is {@code target/spectral/report.json}; warnings are counted in the output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpectralLintTest {

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentHasNoSpectralError() throws IOException, InterruptedException {
        Path spectral = ExternalTool.require("Spectral (npm @stoplight/spectral-cli)", ".tools/node_modules/.bin/spectral");
        ExternalTool.requireFile("the OWASP ruleset (npm @stoplight/spectral-owasp-ruleset)",
                ".tools/node_modules/@stoplight/spectral-owasp-ruleset/dist/ruleset.mjs");
        Path out = Files.createDirectories(Path.of("target/spectral"));
        Path document = out.resolve("openapi-served.json");
        Files.writeString(document, OpenApiDocumentTest.served(port));
        Path report = out.resolve("report.json");

        Process lint = new ProcessBuilder(spectral.toString(), "lint", document.toString(), "--ruleset", ".spectral.yaml",
                "--format", "json", "--output", report.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(out.resolve("spectral.log").toFile()).start();
        assertThat(lint.waitFor(3, TimeUnit.MINUTES)).as("spectral finished").isTrue();

        assertThat(report).as(Files.readString(out.resolve("spectral.log"))).exists();
        JsonNode results = Api.JSON.readTree(Files.readString(report));
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (JsonNode r : results) {
            String where = r.get("code").asString() + " at " + r.get("path") + ": " + r.get("message").asString();
            if (r.get("severity").asInt() == 0) {
                errors.add(where);
            } else {
                warnings.merge(r.get("code").asString(), 1, Integer::sum);
            }
        }
        System.out.println("Spectral warnings by rule (each justified in .spectral.yaml): " + warnings);
        assertThat(errors).as("Spectral errors (report: " + report + ")").isEmpty();
    }
}
