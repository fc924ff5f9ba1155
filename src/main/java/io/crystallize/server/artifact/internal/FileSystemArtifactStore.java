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
        return Path.of(configured).toAbsolutePath().normalize().toString();
    }

    @Override
    public StoredFile write(String root, String key, InputStream content) {
        Path target = resolve(root, key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            // A symbolic link planted inside the root must not redirect writes outside it.
            if (!target.getParent().toRealPath().startsWith(Path.of(root).toRealPath())) {
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
    public Optional<Resource> read(String root, String key) {
        Path file = resolve(root, key);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
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
