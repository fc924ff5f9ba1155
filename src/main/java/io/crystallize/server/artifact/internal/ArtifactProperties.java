package io.crystallize.server.artifact.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Artifact storage ({@code crystallize.artifacts.*}): the default root folder (an experiment's
 * {@code rootDir} plugin param overrides it) and the limits that keep one run from filling the disk or the
 * heap — a step holds an artifact's bytes in memory until the plugin writes them.
 *
 * @param rootDir         the default root, relative to the working directory unless absolute
 * @param maxArtifactSize the largest single artifact; a bigger one is an error of the unit that logged it
 * @param maxRunSize      the most bytes of artifacts one run may write in total; past it, units that log more fail
 * @param allowedRoots    folders besides {@code rootDir} that an experiment's {@code rootDir} may point into
 */
@ConfigurationProperties("crystallize.artifacts")
public record ArtifactProperties(@DefaultValue("./data") String rootDir,
                                 @DefaultValue("256MB") DataSize maxArtifactSize,
                                 @DefaultValue("10GB") DataSize maxRunSize,
                                 @DefaultValue({}) java.util.List<String> allowedRoots) {

    static final String MAX_ARTIFACT_SIZE = "crystallize.artifacts.max-artifact-size";
    static final String MAX_RUN_SIZE = "crystallize.artifacts.max-run-size";

    /**
     * Whether {@code dir} (relative to the working directory unless absolute) lies inside an allowed root, comparing
     * real paths (symbolic links resolved), so a link inside a root cannot lead outside it.
     */
    boolean allows(String dir) {
        return allowedRoot(dir).isPresent();
    }

    /** The real allowed root that {@code dir}'s real path lies in. */
    java.util.Optional<java.nio.file.Path> allowedRoot(String dir) {
        java.nio.file.Path candidate = RealPaths.of(dir);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(rootDir), allowedRoots.stream())
                .map(RealPaths::of).filter(candidate::startsWith).findFirst();
    }
}
