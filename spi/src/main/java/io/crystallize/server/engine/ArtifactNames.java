package io.crystallize.server.engine;

import java.nio.charset.StandardCharsets;

/** An artifact name is a file name, never a path (SPEC §3). */
public final class ArtifactNames {

    public static final int MAX_NAME_BYTES = 255;

    private ArtifactNames() {
    }

    /** Throws {@link IllegalArgumentException} with a clear message when {@code name} is not a safe file name. */
    public static void requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("artifact name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("artifact name must not be '.' or '..': " + name);
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("artifact name must be a file name without path separators: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("artifact name must not contain control characters");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("artifact name must be at most " + MAX_NAME_BYTES + " bytes");
        }
    }
}
