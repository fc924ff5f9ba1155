package io.crystallize.server.access.internal;

import io.crystallize.server.access.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * Gives the admin (created by the migration) its token before the server takes requests (API.md "Access"):
 * the configured {@code crystallize.security.bootstrap-token}, else — when the admin has no usable token — a
 * generated one written to {@code <data dir>/bootstrap-token}, readable by the owner only. The log names the
 * file, never the token.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    static final String TOKEN_NAME = "bootstrap";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final AccessProperties props;
    private final TokenRepository tokens;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    Bootstrap(AccessProperties props, TokenRepository tokens, Accounts accounts, TransactionTemplate tx, Clock clock) {
        this.props = props;
        this.tokens = tokens;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> props.bootstrapTokenValue().ifPresentOrElse(this::configured, this::generatedIfNeeded));
    }

    /** The configured value is the admin's bootstrap token; a bootstrap token of an earlier value stops working. */
    private void configured(String token) {
        String hash = Tokens.hash(token);
        for (ApiToken t : tokens.findByUserIdOrderByCreatedAtAsc(AppUser.ADMIN_ID)) {
            if (t.getName().equals(TOKEN_NAME) && !t.getTokenHash().equals(hash)) {
                t.revoke(clock.instant());
            }
        }
        if (tokens.findByTokenHash(hash).isEmpty()) {
            accounts.store(AppUser.ADMIN_ID, TOKEN_NAME, token, null);
            log.info("Admin token set from crystallize.security.bootstrap-token");
        }
    }

    private void generatedIfNeeded() {
        boolean usable = tokens.findByUserIdOrderByCreatedAtAsc(AppUser.ADMIN_ID).stream()
                .anyMatch(t -> t.isUsable(clock.instant()));
        if (usable) {
            return;
        }
        Path file = props.dataDir().resolve("bootstrap-token").toAbsolutePath().normalize();
        String token = Tokens.generate();
        write(file, token);
        accounts.store(AppUser.ADMIN_ID, TOKEN_NAME, token, null);
        log.warn("Generated the admin's bootstrap token into {} (readable by its owner only). Send it as "
                + "'Authorization: Bearer <token>'; set crystallize.security.bootstrap-token to choose it yourself.", file);
    }

    private static void write(Path file, String token) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                // No POSIX permissions (Windows): owner-only as far as java.io.File can say it.
                File f = Files.createFile(file).toFile();
                f.setReadable(false, false);
                f.setReadable(true, true);
                f.setWritable(false, false);
                f.setWritable(true, true);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bootstrap token to " + file, e);
        }
    }
}
