package io.crystallize.server.webhook.web;

import io.crystallize.server.webhook.DeliveryView;
import io.crystallize.server.webhook.WebhookRequest;
import io.crystallize.server.webhook.WebhookService;
import io.crystallize.server.webhook.WebhookView;
import org.springframework.http.CacheControl;
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
 * Webhooks (API.md "Events and webhooks"): register in a workspace (the secret is shown once), list, remove,
 * delivery log. The access module checks {@code /api/webhooks/{id}/…} against the webhook's workspace before the
 * handler runs; registering and listing check the caller's workspaces in {@link WebhookService}.
 */
@RestController
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/webhooks")
    ResponseEntity<WebhookView> register(@RequestBody WebhookRequest request) {
        WebhookView created = webhooks.register(request);
        // The only answer that shows the secret: no cache may keep it.
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping("/api/webhooks")
    List<WebhookView> list() {
        return webhooks.list();
    }

    @GetMapping("/api/webhooks/{id}")
    WebhookView get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        return webhooks.deliveries(id);
    }
}
