package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole service on a random port over real HTTP, with an artifact root in a temporary folder shared by
 * every test context (every test uses its own experiment names). Limits are
 * small so tests can cross them: 3 MB per artifact, 12 MB per run. The environment overrides are set (retention 2,
 * threshold 1 MB), so versioned experiments without retention params are pruned by them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BytesArtifactStep.Config.class)
abstract class ServiceTest {

    /** The folder holding the root, so tests can check that nothing is written beside the root. */
    static final Path SANDBOX = sandbox();
    static final Path ROOT = SANDBOX.resolve("root");
    static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    Http http;

    /** The properties every artifact test context shares; subclasses add their database. */
    static void common(DynamicPropertyRegistry registry) {
        registry.add("crystallize.artifacts.root-dir", ROOT::toString);
        registry.add("crystallize.artifacts.max-artifact-size", () -> "3MB");
        registry.add("crystallize.artifacts.max-run-size", () -> "12MB");
        // Runs follow one another in these tests: pick them up quickly.
        registry.add("db-scheduler.polling-interval", () -> "100ms");
        // The environment overrides, set as properties: they apply to experiments that leave the params out.
        registry.add(ArtifactPluginFactory.RETENTION_ENV, () -> "2");
        registry.add(ArtifactPluginFactory.THRESHOLD_ENV, () -> "1");
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path sandbox() {
        try {
            Path dir = Files.createTempDirectory("crystallize-artifacts-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
