package io.crystallize.server.access.web;

import io.crystallize.server.access.Caller;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.access.internal.AccessService;
import io.crystallize.server.access.internal.Accounts;
import io.crystallize.server.access.internal.ApiToken;
import io.crystallize.server.access.internal.AppUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller, users and their tokens (API.md "Access"). Answers that carry or list tokens are never cached. */
@RestController
class AccessController {

    private final AccessService service;
    private final WorkspaceAccess access;

    AccessController(AccessService service, WorkspaceAccess access) {
        this.service = service;
        this.access = access;
    }

    record Me(UUID id, String name, String role, List<AccessService.Membership> workspaces) {
    }

    record NewUser(@NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._@-]*$",
            message = "letters, digits, '.', '_', '@' or '-', starting with a letter or digit") String name) {
    }

    record UserResponse(UUID id, String name, String role) {
    }

    record NewToken(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    record IssuedToken(UUID id, String name, String token, String prefix, Instant expiresAt) {
    }

    record TokenResponse(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    @GetMapping("/api/me")
    Me me() {
        Caller caller = access.caller();
        return new Me(caller.id(), caller.name(), caller.admin() ? "ADMIN" : "USER", service.memberships(caller));
    }

    @PostMapping("/api/users")
    ResponseEntity<UserResponse> createUser(@Valid @RequestBody NewUser request) {
        AppUser user = service.createUser(request.name());
        return ResponseEntity.created(URI.create("/api/users/" + user.getId()))
                .body(new UserResponse(user.getId(), user.getName(), user.getRole().name()));
    }

    @PostMapping("/api/users/{id}/tokens")
    ResponseEntity<IssuedToken> issue(@PathVariable UUID id, @Valid @RequestBody NewToken request) {
        Accounts.Issued issued = service.issueToken(id, request.name(), request.expiresAt());
        ApiToken t = issued.record();
        return ResponseEntity.created(URI.create("/api/users/" + id + "/tokens")).cacheControl(CacheControl.noStore())
                .body(new IssuedToken(t.getId(), t.getName(), issued.token(), t.getPrefix(), t.getExpiresAt()));
    }

    @GetMapping("/api/users/{id}/tokens")
    ResponseEntity<List<TokenResponse>> tokens(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(service.tokens(id).stream()
                .map(t -> new TokenResponse(t.getId(), t.getName(), t.getPrefix(), t.getCreatedAt(), t.getExpiresAt(),
                        t.getRevokedAt())).toList());
    }

    @DeleteMapping("/api/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable UUID tokenId) {
        service.revoke(tokenId);
        return ResponseEntity.noContent().build();
    }
}
