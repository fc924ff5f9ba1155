package io.crystallize.server.webhook;

import io.crystallize.server.access.WorkspaceLookup;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every endpoint under {@code /api/webhooks/{id}} (the webhook, its removal, its delivery log) is checked against
 * the webhook's workspace: another workspace's webhook is a 404, a viewer's removal a 403.
 */
@Component
class WebhookWorkspaces implements WorkspaceLookup {

    private final WebhookStore store;

    WebhookWorkspaces(WebhookStore store) {
        this.store = store;
    }

    @Override
    public String resource() {
        return "webhook";
    }

    @Override
    public List<String> anchors() {
        return List.of("/api/webhooks/{id}");
    }

    @Override
    public Optional<UUID> workspaceOf(UUID id) {
        return store.workspaceOf(id);
    }
}
