package io.crystallize.server.remote.web;

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
 * are for admins once the service has users (issue 12 wires the rule); the registered types then appear in
 * {@code GET /api/catalog} with {@code "remote": true}.
 */
@RestController
@RequestMapping("/api/catalog/remote")
class RemoteController {

    private final RemoteComponents components;

    RemoteController(RemoteComponents components) {
        this.components = components;
    }

    @PostMapping
    ResponseEntity<RemoteComponentView> register(@RequestBody RemoteRegistrationRequest request) {
        RemoteComponentView created = components.register(request);
        return ResponseEntity.created(URI.create("/api/catalog/remote/" + created.type())).body(created);
    }

    @GetMapping
    List<RemoteComponentView> list() {
        return components.list();
    }

    @GetMapping("/{type}")
    RemoteComponentView get(@PathVariable String type) {
        return components.get(type);
    }

    @DeleteMapping("/{type}")
    ResponseEntity<Void> delete(@PathVariable String type) {
        components.delete(type);
        return ResponseEntity.noContent().build();
    }
}
