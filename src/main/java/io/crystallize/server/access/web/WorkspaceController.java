package io.crystallize.server.access.web;

import io.crystallize.server.access.WorkspaceRole;
import io.crystallize.server.access.internal.AccessService;
import io.crystallize.server.access.internal.Workspace;
import io.crystallize.server.access.internal.WorkspaceMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Shared workspaces and their members (API.md "Access"); the caller's workspaces are listed by {@code /api/me}. */
@RestController
class WorkspaceController {

    private final AccessService service;

    WorkspaceController(AccessService service) {
        this.service = service;
    }

    record NewWorkspace(@NotBlank @Size(max = 100) String name) {
    }

    record WorkspaceResponse(UUID id, String name, WorkspaceRole role) {
    }

    record MemberRole(@NotNull WorkspaceRole role) {
    }

    record MemberResponse(UUID workspaceId, UUID userId, WorkspaceRole role) {
    }

    @PostMapping("/api/workspaces")
    ResponseEntity<WorkspaceResponse> create(@Valid @RequestBody NewWorkspace request) {
        Workspace w = service.createWorkspace(request.name());
        return ResponseEntity.created(URI.create("/api/workspaces/" + w.getId()))
                .body(new WorkspaceResponse(w.getId(), w.getName(), WorkspaceRole.OWNER));
    }

    @PutMapping("/api/workspaces/{id}/members/{userId}")
    MemberResponse putMember(@PathVariable UUID id, @PathVariable UUID userId, @Valid @RequestBody MemberRole request) {
        WorkspaceMember m = service.putMember(id, userId, request.role());
        return new MemberResponse(m.getWorkspaceId(), m.getUserId(), m.getRole());
    }

    @DeleteMapping("/api/workspaces/{id}/members/{userId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
        service.removeMember(id, userId);
        return ResponseEntity.noContent().build();
    }
}
