package io.crystallize.server.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token values: {@code cz_} and 256 random bits in URL-safe Base64. Stored as SHA-256: a salted slow hash
 * (bcrypt…) protects low-entropy passwords; a 256-bit random value cannot be guessed, and a fast hash lets each
 * request find its token with one indexed lookup.
 */
public final class Tokens {

    /** Starts every token this service issues; tells them apart from JWTs and from other secrets in a leak scan. */
    public static final String PREFIX = "cz_";
    private static final int VISIBLE = PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visible start of a token, shown in lists so a user can tell their tokens apart. */
    public static String prefix(String token) {
        return token.substring(0, Math.min(VISIBLE, token.length() / 4));
    }
}
