package io.crystallize.server.remote.web;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.remote.RemoteComponentView;
import io.crystallize.server.remote.RemoteRegistrationRequest;
import io.crystallize.server.remote.internal.RemoteComponents;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Remote components (API.md): register ({@code 201}), list, read, delete ({@code 204}). Registering and deleting
 * (and reading registrations) are for admins (403 otherwise): a remote component runs in everyone's experiments, and its registration names
 * its URL. Everyone sees the types themselves in {@code GET /api/catalog}. The registered types then
 * appear in {@code GET /api/catalog} with {@code "remote": true}.
 */
@RestController
@RequestMapping("/api/catalog/remote")
class RemoteController {

    private final RemoteComponents components;
    private final WorkspaceAccess access;

    RemoteController(RemoteComponents components, WorkspaceAccess access) {
        this.components = components;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<RemoteComponentView> register(@RequestBody RemoteRegistrationRequest request) {
        access.requireAdmin();
        RemoteComponentView created = components.register(request);
        return ResponseEntity.created(URI.create("/api/catalog/remote/" + created.type())).body(created);
    }

    @GetMapping
    List<RemoteComponentView> list() {
        access.requireAdmin();
        return components.list();
    }

    @GetMapping("/{type}")
    RemoteComponentView get(@PathVariable String type) {
        access.requireAdmin();
        return components.get(type);
    }

    @DeleteMapping("/{type}")
    ResponseEntity<Void> delete(@PathVariable String type) {
        access.requireAdmin();
        components.delete(type);
        return ResponseEntity.noContent().build();
    }
}
