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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file-system store: a root is a folder, a key a relative path below it. Writes go to a temporary file
 * in the target folder, are forced to disk and then renamed over the target, so a crash never leaves a
 * half-written artifact under its real name.
 */
@Component
class FileSystemArtifactStore implements ArtifactStore {

    private static final int BUFFER = 64 * 1024;

    @Override
    public String root(String configured) {
        return RealPaths.of(configured).toString();
    }

    @Override
    public StoredFile write(String root, String key, InputStream content) {
        Path target = resolve(root, key);
        Path tmp = null;
        try {
            // A symbolic link planted inside the root must not redirect writes (or the folders made for them) outside it:
            // checked on the real path before any folder is created, and again after.
            Path realRoot = RealPaths.of(root);
            if (!RealPaths.of(target.getParent()).startsWith(realRoot)) {
                throw new IllegalArgumentException("key '" + key + "' resolves outside the artifact root");
            }
            Files.createDirectories(target.getParent());
            if (!target.getParent().toRealPath().startsWith(realRoot)) {
                throw new IllegalArgumentException("key '" + key + "' resolves outside the artifact root");
            }
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
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
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new Entry(key(base, f), size(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    public void deleteEmptyFolders(String root, String prefix) {
        Path folder = resolve(root, prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path dir : all.filter(Files::isDirectory).filter(d -> !d.equals(folder))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException keep) {
                    // Still holds files: it stays.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // A stray temporary file is harmless: it is never a recorded key.
            }
        }
    }
}
