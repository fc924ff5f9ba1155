package io.crystallize.server.extension;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.ServerProcess;
import io.crystallize.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example extension (examples/extension), built with the wrapper against the SPI alone, dropped into the
 * extensions folder of a service (a child JVM): after a restart, its step and plugin are in the catalog and run.
 */
class ExtensionJarTest {

    @Test
    void theExampleExtensionJarAddsItsStepAndPluginAfterARestart(@TempDir Path dir) throws Exception {
        Path jar = ExampleExtensionBuild.build(Files.createDirectories(dir.resolve("build")));
        Path extensions = Files.createDirectories(dir.resolve("extensions"));
        TestDatabase.Connection database = TestDatabase.current().newDatabase();
        String folder = "--crystallize.extensions.dir=" + extensions;

        try (ServerProcess before = ServerProcess.start(dir, "without", database, folder)) {
            assertThat(types(before.api().get("/api/catalog").json().path("steps"))).doesNotContain("example.clamp");
        }
        Files.copy(jar, extensions.resolve(jar.getFileName()));
        try (ServerProcess node = ServerProcess.start(dir, "with", database, folder)) {
            Api api = node.api();
            JsonNode catalog = api.get("/api/catalog").json();
            assertThat(types(catalog.path("steps"))).contains("example.clamp", "math.add");
            assertThat(types(catalog.path("plugins"))).contains("example.census");
            JsonNode clamp = StreamSupport.stream(catalog.path("steps").spliterator(), false)
                    .filter(s -> s.path("type").asString().equals("example.clamp")).findFirst().orElseThrow();
            assertThat(clamp.path("params").toString()).contains("\"name\":\"high\"", "\"required\":true");
            assertThat(clamp.path("remote").asBoolean()).isFalse();
            assertThat(Files.readString(node.log())).contains("Loaded 1 extension jar(s) from " + extensions,
                    "io.crystallize.examples.extension.ExampleExtension");

            // The extension's param rules hold at submission like a built-in's: high is required.
            Map<String, Object> d = new java.util.LinkedHashMap<>(Map.of("name", "clamped",
                    "datasource", Map.of("type", "range", "params", Map.of("end", 10)),
                    "steps", List.of(Map.of("type", "example.clamp"), Map.of("type", "stats.summary")),
                    "replicates", 3,
                    "plugins", List.of(Map.of("type", "example.census", "params", Map.of("label", "counted")))));
            assertThat(api.post("/api/experiments", d).body()).contains("steps[0].params.high");
            d.put("steps", List.of(Map.of("type", "example.clamp", "params", Map.of("low", 2, "high", 6)),
                    Map.of("type", "stats.summary")));
            String run = api.startRun(api.createExperiment(d), (String) null);
            api.awaitCompleted(run, Duration.ofMinutes(2));
            JsonNode metrics = api.results(run).path("metrics").path("baseline");
            assertThat(metrics.path("clamped").toString()).isEqualTo("[5,5,5]"); // 0,1 and 7,8,9
            assertThat(metrics.path("max").get(0).asDouble()).isEqualTo(6.0);
            assertThat(api.get("/api/runs/" + run + "/logs").body()).contains("counted: 3 units, 6 step calls");
        }
    }

    private static List<String> types(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("type").asString()).toList();
    }
}
