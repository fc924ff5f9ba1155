package io.crystallize.server.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The receiver's side of the Standard Webhooks specification, written here independently of the service's code:
 * the key is the base64 after {@code whsec_}; the header lists space-separated {@code v1,<base64>} signatures of
 * {@code "<id>.<timestamp>.<body>"}, compared in constant time.
 */
final class StandardWebhooks {

    private StandardWebhooks() {
    }

    static String expected(String secret, String id, String timestamp, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) throws Exception {
        byte[] want = expected(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(want, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
