package io.crystallize.server.access.web;

import io.crystallize.server.access.WorkspaceRole;
import io.crystallize.server.access.internal.AccessService;
import io.crystallize.server.access.internal.Workspace;
import io.crystallize.server.access.internal.WorkspaceMember;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.ForbiddenException;
import io.crystallize.server.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workspace endpoints in a web slice: created workspaces, member roles, and the problems of each. */
@WebMvcTest(WorkspaceController.class)
// The controller alone: who may manage a workspace is tested over real HTTP (access/WorkspaceIsolationTest).
@AutoConfigureMockMvc(addFilters = false)
class WorkspaceControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccessService service;

    final UUID workspace = UUID.randomUUID();
    final UUID user = UUID.randomUUID();

    @Test
    void creatingAWorkspaceAnswers201WithTheCallerAsOwner() throws Exception {
        Workspace created = new Workspace("team", null, Instant.parse("2026-01-01T00:00:00Z"));
        given(service.createWorkspace("team")).willReturn(created);
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"team\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/workspaces/" + created.getId()))
                .andExpect(jsonPath("$.id").value(created.getId().toString()))
                .andExpect(jsonPath("$.name").value("team"))
                .andExpect(jsonPath("$.role").value("OWNER"));
    }

    @Test
    void aBlankNameIsAProblem400NamingItAndReachesNoService() throws Exception {
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        verify(service, never()).createWorkspace(any());
    }

    @Test
    void puttingAMemberAnswersTheMembership() throws Exception {
        given(service.putMember(workspace, user, WorkspaceRole.EDITOR))
                .willReturn(new WorkspaceMember(workspace, user, WorkspaceRole.EDITOR));
        mvc.perform(put("/api/workspaces/{id}/members/{userId}", workspace, user)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"EDITOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workspaceId").value(workspace.toString()))
                .andExpect(jsonPath("$.userId").value(user.toString()))
                .andExpect(jsonPath("$.role").value("EDITOR"));
    }

    @Test
    void anUnknownOrMissingRoleIsAProblem400NamingRole() throws Exception {
        mvc.perform(put("/api/workspaces/{id}/members/{userId}", workspace, user)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"BOSS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(put("/api/workspaces/{id}/members/{userId}", workspace, user)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        verify(service, never()).putMember(any(), any(), any());
    }

    @Test
    void aViewerManagingMembersIsAProblem403() throws Exception {
        given(service.putMember(workspace, user, WorkspaceRole.OWNER))
                .willThrow(new ForbiddenException("only owners manage members"));
        mvc.perform(put("/api/workspaces/{id}/members/{userId}", workspace, user)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"OWNER\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("only owners manage members"));
    }

    @Test
    void removingAMemberAnswers204AndAnUnknownUserIs404() throws Exception {
        mvc.perform(delete("/api/workspaces/{id}/members/{userId}", workspace, user))
                .andExpect(status().isNoContent());
        verify(service).removeMember(workspace, user);

        UUID stranger = UUID.randomUUID();
        willThrow(new NotFoundException("user", stranger)).given(service).removeMember(workspace, stranger);
        mvc.perform(delete("/api/workspaces/{id}/members/{userId}", workspace, stranger))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("user " + stranger + " not found"));
    }

    @Test
    void removingTheLastOwnerIsAProblem409() throws Exception {
        willThrow(new ConflictException("workspace " + workspace + " would be left without an owner"))
                .given(service).removeMember(workspace, user);
        mvc.perform(delete("/api/workspaces/{id}/members/{userId}", workspace, user))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("workspace " + workspace + " would be left without an owner"));
    }
}
