package io.crystallize.server.webhook;

import java.util.List;

/**
 * {@code POST /api/webhooks}: where to deliver, which run events, optionally the secret (else one is made) and the
 * workspace whose runs it hears of (else the caller's personal workspace).
 */
public record WebhookRequest(String url, List<String> events, String secret, String workspace) {

    /** Never shows the secret: Spring MVC logs request bodies this way at DEBUG. */
    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + ", events=" + events + ", secret=" + (secret == null ? null : "***")
                + ", workspace=" + workspace + "]";
    }
}
