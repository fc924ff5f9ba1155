package io.crystallize.server.webhook;

import io.crystallize.server.access.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook secrets at rest. They sign every delivery with their plain value, so they cannot be hashed like tokens:
 * they are encrypted with AES-256-GCM (Spring Security's {@link AesBytesEncryptor}: a random 96-bit IV per value,
 * and a tag that refuses a value changed or encrypted with another key) under {@code crystallize.webhooks.secret-key},
 * or, when that is unset, a key generated into {@code <data dir>/webhook-secret-key} ({@link SecretKeyFile}).
 * Stored values read {@code enc:v1:<base64 of IV, ciphertext and tag>}.
 * <p>
 * Secrets stored in plain text before encryption existed are encrypted when the node starts (here, after Flyway),
 * rather than in a Flyway migration: the key is Spring configuration or a file that only exists once the
 * application runs, and the update is idempotent, so it also covers a row an older node writes during a rolling
 * upgrade. Until then {@link #reveal} reads such a row as it is.
 */
@Component
class WebhookSecrets implements SmartInitializingSingleton {

    static final String PREFIX = "enc:v1:";
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    private final BytesEncryptor encryptor;
    private final WebhookStore store;

    WebhookSecrets(WebhookProperties props, AccessProperties access, WebhookStore store) {
        byte[] key = props.secretKeyValue().map(WebhookSecrets::configuredKey)
                .orElseGet(() -> SecretKeyFile.loadOrCreate(access.dataDir().resolve("webhook-secret-key")));
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
                AesBytesEncryptor.CipherAlgorithm.GCM);
        this.store = store;
    }

    private static byte[] configuredKey(String value) {
        byte[] key = SecretKeyFile.decode(value);
        if (key == null) {
            throw new IllegalStateException("crystallize.webhooks.secret-key must be the base64 of 32 random bytes "
                    + "(e.g. the output of 'openssl rand -base64 32')");
        }
        return key;
    }

    /** The value to store for a plain secret. */
    String conceal(String secret) {
        return PREFIX + Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The plain secret of a stored value (a value from before encryption is already plain).
     *
     * @throws IllegalStateException when the value was encrypted with another key or changed
     */
    String reveal(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] plain = encryptor.decrypt(Base64.getDecoder().decode(stored.substring(PREFIX.length())));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Encrypts the secrets stored in plain text (from before encryption); each row only if still unchanged. */
    @Override
    public void afterSingletonsInstantiated() {
        int done = 0;
        for (Map.Entry<UUID, String> plain : store.plainSecrets(PREFIX).entrySet()) {
            if (store.replaceSecret(plain.getKey(), plain.getValue(), conceal(plain.getValue()))) {
                done++;
            }
        }
        if (done > 0) {
            log.info("Encrypted {} webhook secrets stored in plain text by an earlier version", done);
        }
    }
}
