package io.crystallize.server.artifact.internal;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file-system store: a root is a folder, a key a relative path below it. Writes go to a temporary file
 * in the target folder, are forced to disk and then renamed over the target, so a crash never leaves a
 * half-written artifact under its real name.
 * <p>
 * Runs of one experiment write, list and prune its folders at the same time (versioned runs in parallel, retention
 * after each): listing never shows another writer's temporary files (so retention never deletes them), and files or
 * folders that vanish while they are listed or written into are not errors.
 */
@Component
class FileSystemArtifactStore implements ArtifactStore {

    private static final int BUFFER = 64 * 1024;
    private static final String TMP_PREFIX = ".tmp-";
    private static final String TMP_SUFFIX = ".part";
    /** A folder being written into can be removed as empty by another run's retention: the write tries again. */
    private static final int FOLDER_ATTEMPTS = 3;

    @Override
    public String root(String configured) {
        return RealPaths.of(configured).toString();
    }

    @Override
    public StoredFile write(String root, String key, InputStream content) {
        Path target = resolve(root, key);
        if (isTemporary(target)) {
            throw new IllegalArgumentException("'" + target.getFileName() + "' is not a safe file name: names "
                    + TMP_PREFIX + "….part are reserved for the store's temporary files");
        }
        Path tmp = null;
        try {
            // A symbolic link planted inside the root must not redirect writes (or the folders made for them) outside it:
            // checked on the real path before any folder is created, and again after.
            Path realRoot = RealPaths.of(root);
            if (!RealPaths.of(target.getParent()).startsWith(realRoot)) {
                throw new IllegalArgumentException("key '" + key + "' resolves outside the artifact root");
            }
            tmp = createTemporary(target.getParent(), realRoot, key);
            MessageDigest sha = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
                channel.force(true);
            }
            move(tmp, target);
            tmp = null;
            return new StoredFile(size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write artifact " + key + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static Path createTemporary(Path folder, Path realRoot, String key) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(folder);
            if (!folder.toRealPath().startsWith(realRoot)) {
                throw new IllegalArgumentException("key '" + key + "' resolves outside the artifact root");
            }
            try {
                return Files.createTempFile(folder, TMP_PREFIX, TMP_SUFFIX);
            } catch (NoSuchFileException removedMeanwhile) {
                if (attempt == FOLDER_ATTEMPTS) {
                    throw removedMeanwhile;
                }
            }
        }
    }

    private static BasicFileAttributes followed(Path link) throws IOException {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException dangling) {
            return null;
        }
    }

    /** A write's temporary file: never a stored key, so never listed (nor deleted by retention). */
    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TMP_PREFIX) && name.endsWith(TMP_SUFFIX);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    /**
     * Only a regular file (not a symbolic link, a folder or a device) whose real path lies inside the root's real
     * path is served: a link planted in the store cannot serve other bytes under a stored record.
     */
    public Optional<Resource> read(String root, String key) {
        Path file = resolve(root, key);
        try {
            if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isRegularFile()
                    || !file.toRealPath().startsWith(Path.of(root).toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException missing) {
            return Optional.empty();
        }
        return Optional.of(new FileSystemResource(file));
    }

    @Override
    public List<Entry> list(String root, String prefix) {
        Path base = Path.of(root);
        Path folder = resolve(root, prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        // The size comes with the walk's own attributes: a file renamed or deleted after it was seen is not read again.
        FolderWalk.walk(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // A link to a file is listed too (as before: retention and a run's cleanup remove it, not its target).
                BasicFileAttributes target = attrs.isSymbolicLink() ? followed(file) : attrs;
                if (target != null && target.isRegularFile() && !isTemporary(file)) {
                    entries.add(new Entry(key(base, file), target.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    @Override
    public List<String> folders(String root, String prefix) {
        Path folder = resolve(root, prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String root, String key) {
        try {
            return Files.deleteIfExists(resolve(root, key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete artifact " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteUnfinishedWrites(String root, String prefix) {
        FolderWalk.walk(resolve(root, prefix), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && isTemporary(file)) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void deleteEmptyFolders(String root, String prefix) {
        Path folder = resolve(root, prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        FolderWalk.walk(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                // After its children, so deepest first.
                if (!dir.equals(folder)) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException keep) {
                        // Still holds files: it stays.
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The path of a key, refusing any key that is not plain segments below the root. */
    private static Path resolve(String root, String key) {
        Path base = Path.of(root);
        Path path = base;
        for (String segment : StorageKeys.split(key)) {
            path = path.resolve(segment);
        }
        if (!path.normalize().startsWith(base.normalize())) {
            throw new IllegalArgumentException("key '" + key + "' resolves outside the artifact root");
        }
        return path;
    }

    private static String key(Path base, Path file) {
        StringBuilder key = new StringBuilder();
        for (Path segment : base.relativize(file)) {
            key.append(key.isEmpty() ? "" : "/").append(segment);
        }
        return key.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Deletes a temporary file if it is there; one that cannot be deleted is left (it is never a recorded key). */
    static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // A stray temporary file is harmless: it is never a recorded key.
            }
        }
    }
}
