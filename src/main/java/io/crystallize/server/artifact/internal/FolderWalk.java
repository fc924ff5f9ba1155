package io.crystallize.server.artifact.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A walk over a store folder that other runs change at the same time: a file moved into place or deleted, or a
 * folder pruned, after the walk saw it is skipped, not an error (a plain {@code Files.walk} throws on it).
 */
final class FolderWalk {

    private FolderWalk() {
    }

    /** Walks a tree, skipping what another writer removes meanwhile (a file moved into place, a pruned folder). */
    static void walk(Path folder, SimpleFileVisitor<Path> visitor) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return visitor.preVisitDirectory(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    return visitor.visitFile(file, attrs);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return visitor.postVisitDirectory(dir, null);
                }
            });
        } catch (NoSuchFileException gone) {
            // The folder itself was removed: nothing below it.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
