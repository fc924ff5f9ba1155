package io.crystallize.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it: the workspace whose runs it hears of. {@code secret} is present only in the
 * answer to its registration (shown once).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, List<String> events, String secret, UUID workspace, Instant createdAt) {

    /** Never shows the secret: Spring MVC logs response bodies this way at DEBUG. */
    @Override
    public String toString() {
        return "WebhookView[id=" + id + ", url=" + url + ", events=" + events + ", workspace=" + workspace + "]";
    }
}
