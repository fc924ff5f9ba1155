package io.crystallize.server.idempotency.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for one key: method, path with query, and the body. A JSON body is
 * compared by content (object keys sorted, whitespace ignored), so a client that re-serializes its retry in
 * another key order still gets the replay; anything else is compared byte for byte.
 */
final class RequestHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private RequestHash() {
    }

    static String of(String method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (JacksonException notJson) {
            return body;
        }
    }
}
