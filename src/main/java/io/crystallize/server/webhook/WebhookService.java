package io.crystallize.server.webhook;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Registering, listing and removing webhooks, and reading their delivery log. A webhook belongs to a workspace
 * and hears only of its runs: registering needs write access to it, listing shows the caller's workspaces', and
 * the endpoints under {@code /api/webhooks/{id}} are checked against its workspace ({@link WebhookWorkspaces}).
 */
@Service
public class WebhookService {

    /** The run events a webhook may subscribe to. */
    public static final List<String> EVENTS = List.of("run.started", "run.completed", "run.failed", "run.cancelled");

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookProperties props;
    private final WorkspaceAccess access;
    private final Clock clock;

    WebhookService(WebhookStore store, WebhookSecrets secrets, WebhookProperties props, WorkspaceAccess access,
                   Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.props = props;
        this.access = access;
        this.clock = clock;
    }

    /** Stores the webhook and returns it with its secret: the only time the secret is shown. */
    public WebhookView register(WebhookRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String url = request == null ? null : request.url();
        validateUrl(url, errors);
        List<String> events = request == null || request.events() == null ? List.of() : request.events();
        if (events.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one of " + EVENTS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            if (!EVENTS.contains(e)) {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + EVENTS));
            } else if (!seen.add(e)) {
                errors.add(new FieldError("events[" + i + "]", "listed twice"));
            }
        }
        String secret = request == null ? null : request.secret();
        if (secret != null) {
            byte[] key = WebhookSignature.key(secret);
            if (key == null || key.length < 24 || key.length > 64) {
                errors.add(new FieldError("secret", "must be whsec_ followed by the base64 of 24 to 64 random bytes"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID workspace = workspace(request.workspace());
        access.requireWrite(workspace);
        String chosen = secret == null ? WebhookSignature.newSecret() : secret;
        WebhookStore.Target t = new WebhookStore.Target(UUID.randomUUID(), url, List.copyOf(events),
                secrets.conceal(chosen), workspace, clock.instant());
        store.insert(t);
        return new WebhookView(t.id(), t.url(), t.events(), chosen, workspace, t.createdAt());
    }

    private UUID workspace(String requested) {
        if (requested == null) {
            return access.personalWorkspace();
        }
        try {
            return UUID.fromString(requested);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("workspace", "must be a workspace id");
        }
    }

    private void validateUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null || url.length() > 2000) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
            } else if (!props.allows(uri.getHost())) {
                errors.add(new FieldError("url", "host '" + uri.getHost()
                        + "' is not in crystallize.webhooks.allowed-hosts"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
        }
    }

    /** The webhooks of the caller's workspaces (every webhook for an admin). */
    public List<WebhookView> list() {
        return access.readableWorkspaces().map(store::in).orElseGet(store::all).stream()
                .map(WebhookStore.Target::view).toList();
    }


    public WebhookView get(UUID id) {
        return find(id).view();
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw new NotFoundException("webhook", id);
        }
    }

    public List<DeliveryView> deliveries(UUID id) {
        find(id);
        return store.deliveries(id);
    }

    private WebhookStore.Target find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("webhook", id));
    }
}
