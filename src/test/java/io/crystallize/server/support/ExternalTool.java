package io.crystallize.server.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * A program a test needs that is not a Maven dependency (Debian's chromium, Spectral from npm in {@code .tools/}).
 * Locally a missing tool skips the test (a JUnit assumption); with {@code CI=true} it fails it, so CI cannot pass
 * without having run it. {@code .ci/run} installs them (see CONTRIBUTING.md).
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The first of {@code candidates} that is an executable file; otherwise skips the test, or fails it on CI. */
    public static Path require(String what, String... candidates) {
        return find(what, Files::isExecutable, candidates);
    }

    /** A file a tool reads (e.g. a ruleset): skips the test when absent, or fails it on CI. */
    public static Path requireFile(String what, String path) {
        return find(what, Files::isRegularFile, path);
    }

    private static Path find(String what, java.util.function.Predicate<Path> usable, String... candidates) {
        Optional<Path> found = Arrays.stream(candidates).map(Path::of).filter(usable).findFirst();
        if (found.isEmpty()) {
            String message = what + " is not installed (looked for " + String.join(", ", candidates)
                    + "); .ci/run installs it, see CONTRIBUTING.md";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return found.get().toAbsolutePath();
    }
}
