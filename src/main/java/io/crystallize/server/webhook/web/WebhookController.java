package io.crystallize.server.webhook.web;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.webhook.DeliveryView;
import io.crystallize.server.webhook.WebhookRequest;
import io.crystallize.server.webhook.WebhookService;
import io.crystallize.server.webhook.WebhookView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks (API.md "Events and webhooks"): register (the secret is shown once), list, remove, delivery log. For
 * admins only (403 otherwise) until webhooks are scoped to a workspace: a webhook is told of every run.
 */
@RestController
class WebhookController {

    private final WebhookService webhooks;
    private final WorkspaceAccess access;

    WebhookController(WebhookService webhooks, WorkspaceAccess access) {
        this.webhooks = webhooks;
        this.access = access;
    }

    @PostMapping("/api/webhooks")
    ResponseEntity<WebhookView> register(@RequestBody WebhookRequest request) {
        access.requireAdmin();
        WebhookView created = webhooks.register(request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping("/api/webhooks")
    List<WebhookView> list() {
        access.requireAdmin();
        return webhooks.list();
    }

    @GetMapping("/api/webhooks/{id}")
    WebhookView get(@PathVariable UUID id) {
        access.requireAdmin();
        return webhooks.get(id);
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        access.requireAdmin();
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        access.requireAdmin();
        return webhooks.deliveries(id);
    }
}
