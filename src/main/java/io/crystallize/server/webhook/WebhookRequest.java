package io.crystallize.server.webhook;

import java.util.List;

/** {@code POST /api/webhooks}: where to deliver, which run events, and optionally the secret (else one is made). */
public record WebhookRequest(String url, List<String> events, String secret) {
}
