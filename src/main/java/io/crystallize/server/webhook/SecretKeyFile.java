package io.crystallize.server.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated key of webhook secrets: 32 random bytes in base64 in a file readable by its owner only (like the
 * bootstrap token). Written to a temporary file first and then linked into place, which fails if the file exists,
 * so two nodes (or test JVMs) starting on one data directory at once end up with the same key.
 */
final class SecretKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFile.class);

    private SecretKeyFile() {
    }

    /** The key in base64, or null when it is not the base64 of 32 bytes. */
    static byte[] decode(String value) {
        try {
            byte[] key = Base64.getDecoder().decode(value.trim());
            return key.length == 32 ? key : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static byte[] loadOrCreate(Path path) {
        Path file = path.toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = decode(Files.readString(file, StandardCharsets.UTF_8));
            if (key == null) {
                throw new IllegalStateException(file + " does not hold a webhook secret key (the base64 of 32 bytes); "
                        + "restore it, or set crystallize.webhooks.secret-key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the webhook secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp = ownerOnly(Files.createTempFile(file.getParent(), ".webhook-secret-key", ".tmp"));
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException another) {
                return; // another node or JVM created it first: use that one
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                Files.move(tmp, file); // no hard links here: a move, which also refuses an existing file
            }
            log.warn("Generated the key of webhook secrets into {} (readable by its owner only). Keep it with the "
                    + "database: without it stored secrets cannot sign. Set crystallize.webhooks.secret-key (the same "
                    + "on every node) to choose it yourself.", file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            // No POSIX permissions (Windows): owner-only as far as java.io.File can say it.
            File f = file.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
        return file;
    }
}
