package io.crystallize.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it. {@code secret} is present only in the answer to its registration (shown once);
 * {@code workspace} is null until workspaces exist.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, List<String> events, String secret, UUID workspace, Instant createdAt) {
}
