package io.crystallize.server.access.web;

import io.crystallize.server.access.Caller;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.access.WorkspaceRole;
import io.crystallize.server.access.internal.AccessService;
import io.crystallize.server.access.internal.Accounts;
import io.crystallize.server.access.internal.ApiToken;
import io.crystallize.server.access.internal.AppUser;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The caller, user and token endpoints in a web slice: shapes per API.md, uncached secrets, problem bodies. */
@WebMvcTest(AccessController.class)
// The controller alone: authentication and who may call what are tested over real HTTP (access/).
@AutoConfigureMockMvc(addFilters = false)
class AccessControllerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccessService service;
    @MockitoBean
    WorkspaceAccess access;

    final UUID userId = UUID.randomUUID();

    @Test
    void meShowsTheCallerItsRoleAndItsWorkspaces() throws Exception {
        Caller caller = new Caller(userId, "alice", true);
        UUID workspace = UUID.randomUUID();
        given(access.caller()).willReturn(caller);
        given(service.memberships(caller)).willReturn(List.of(new AccessService.Membership(workspace, "alice",
                WorkspaceRole.OWNER)));
        mvc.perform(get("/api/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(userId.toString()))
                .andExpect(jsonPath("$.name").value("alice"))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.workspaces[0].id").value(workspace.toString()))
                .andExpect(jsonPath("$.workspaces[0].name").value("alice"))
                .andExpect(jsonPath("$.workspaces[0].role").value("OWNER"));
    }

    @Test
    void creatingAUserAnswers201() throws Exception {
        AppUser bob = new AppUser("bob", AppUser.Role.USER, null, T0);
        given(service.createUser("bob")).willReturn(bob);
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"bob\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/users/" + bob.getId()))
                .andExpect(jsonPath("$.id").value(bob.getId().toString()))
                .andExpect(jsonPath("$.name").value("bob"))
                .andExpect(jsonPath("$.role").value("USER"));
    }

    @Test
    void aNameThatIsNotAnIdentifierIsAProblem400NamingIt() throws Exception {
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"../bob\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        verify(service, never()).createUser(any());
    }

    @Test
    void aTakenNameIsAProblem409() throws Exception {
        given(service.createUser("bob")).willThrow(new ConflictException("a user named 'bob' already exists"));
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"bob\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("a user named 'bob' already exists"));
    }

    @Test
    void anIssuedTokenIsShownOnceAndNeverCached() throws Exception {
        ApiToken token = new ApiToken(userId, "ci", "cz_abcd", "hash", T0, T0.plusSeconds(3600));
        given(service.issueToken(userId, "ci", T0.plusSeconds(3600))).willReturn(new Accounts.Issued("cz_abcd-secret", token));
        mvc.perform(post("/api/users/{id}/tokens", userId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"ci\", \"expiresAt\": \"2026-01-01T01:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value(token.getId().toString()))
                .andExpect(jsonPath("$.name").value("ci"))
                .andExpect(jsonPath("$.token").value("cz_abcd-secret"))
                .andExpect(jsonPath("$.prefix").value("cz_abcd"))
                .andExpect(jsonPath("$.expiresAt").value("2026-01-01T01:00:00Z"));
    }

    @Test
    void listedTokensCarryNoSecretAndAreNeverCached() throws Exception {
        ApiToken token = new ApiToken(userId, "ci", "cz_abcd", "hash", T0, null);
        given(service.tokens(userId)).willReturn(List.of(token));
        mvc.perform(get("/api/users/{id}/tokens", userId))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$[0].id").value(token.getId().toString()))
                .andExpect(jsonPath("$[0].prefix").value("cz_abcd"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].tokenHash").doesNotExist());
    }

    @Test
    void revokingAnswers204AndAnUnknownTokenIs404() throws Exception {
        UUID tokenId = UUID.randomUUID();
        mvc.perform(delete("/api/tokens/{id}", tokenId)).andExpect(status().isNoContent());
        verify(service).revoke(tokenId);

        UUID unknown = UUID.randomUUID();
        willThrow(new NotFoundException("token", unknown)).given(service).revoke(unknown);
        mvc.perform(delete("/api/tokens/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("token " + unknown + " not found"));
    }
}
