package io.crystallize.server.artifact.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Paths with every symbolic link resolved ({@link Path#toRealPath}), also for paths that do not exist yet: the
 * deepest existing ancestor is resolved and the rest appended. Checks of "inside an allowed root" compare these, so
 * a symlink inside a root cannot point a write or a read outside it.
 */
final class RealPaths {

    private RealPaths() {
    }

    /** {@code path} made absolute with its links resolved; throws {@link java.nio.file.InvalidPathException} for NULs. */
    static Path of(String path) {
        return of(Path.of(path));
    }

    static Path of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            // A dangling link or an unreadable folder: nothing may be written through it.
            throw new UncheckedIOException("cannot resolve " + existing + ": " + e.getMessage(), e);
        }
    }
}
