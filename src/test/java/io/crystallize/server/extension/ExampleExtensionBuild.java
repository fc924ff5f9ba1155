package io.crystallize.server.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds examples/extension with the Maven wrapper, as an extension author would, in a temporary folder: copies
 * of spi/ and examples/extension/ under a throw-away aggregator POM, so the SPI comes from the same reactor (no
 * install into the local repository).
 */
final class ExampleExtensionBuild {

    private ExampleExtensionBuild() {
    }

    /** The built extension jar. */
    static Path build(Path dir) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        copy(root.resolve("spi"), dir.resolve("spi"));
        copy(root.resolve("examples/extension"), dir.resolve("extension"));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>local</groupId><artifactId>extension-build</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <modules><module>spi</module><module>extension</module></modules>
                </project>
                """);
        Path log = dir.resolve("maven.log");
        ProcessBuilder maven = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-ntp", "-q",
                "-f", dir.resolve("pom.xml").toString(), "package", "-DskipTests")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        maven.environment().put("MAVEN_OPTS", "-Xmx512m");
        Process process = maven.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the extension build took over 10 minutes:\n" + Files.readString(log));
        }
        assertThat(process.exitValue()).as("extension build:\n" + Files.readString(log)).isZero();
        try (Stream<Path> jars = Files.list(dir.resolve("extension/target"))) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    /** Copies the pom and src/ of a module (never its target/). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
