package io.crystallize.server.remote.web;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.ForbiddenException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.remote.RemoteComponentView;
import io.crystallize.server.remote.RemoteRegistrationRequest;
import io.crystallize.server.remote.internal.RemoteComponents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

/** The remote-component endpoints in a web slice: admins only, the registration's shape, and its problems. */
@WebMvcTest(RemoteController.class)
// The controller alone: registrations running in experiments are tested end to end (remote/).
@AutoConfigureMockMvc(addFilters = false)
class RemoteControllerTest {

    static final String BODY = """
            {"kind": "step", "type": "py.clip", "description": "clips", "url": "http://remote.example/clip",
             "params": [{"name": "max", "type": "number", "required": true}], "timeout": "PT5S",
             "maxConcurrency": 4, "retries": 1}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RemoteComponents components;
    @MockitoBean
    WorkspaceAccess access;

    final RemoteComponentView clip = new RemoteComponentView("step", "py.clip", "clips", "http://remote.example/clip",
            List.of(new RemoteRegistrationRequest.Param("max", "number", true, null, null, null, null)),
            Duration.ofSeconds(5), 4, 1, true, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void registeringAnswers201WithTheRegistration() throws Exception {
        given(components.register(any())).willReturn(clip);
        mvc.perform(post("/api/catalog/remote").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/catalog/remote/py.clip"))
                .andExpect(jsonPath("$.kind").value("step"))
                .andExpect(jsonPath("$.type").value("py.clip"))
                .andExpect(jsonPath("$.url").value("http://remote.example/clip"))
                .andExpect(jsonPath("$.params[0].name").value("max"))
                .andExpect(jsonPath("$.params[0].required").value(true))
                .andExpect(jsonPath("$.timeout").value("PT5S"))
                .andExpect(jsonPath("$.maxConcurrency").value(4))
                .andExpect(jsonPath("$.retries").value(1))
                .andExpect(jsonPath("$.remote").value(true));
        verify(access).requireAdmin();
    }

    @Test
    void aNonAdminIsAProblem403AndNothingIsRegistered() throws Exception {
        willThrow(new ForbiddenException("only admins may do this")).given(access).requireAdmin();
        mvc.perform(post("/api/catalog/remote").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("only admins may do this"));
        mvc.perform(get("/api/catalog/remote")).andExpect(status().isForbidden());
        verify(components, never()).register(any());
        verify(components, never()).list();
    }

    @Test
    void aHostOutsideTheAllowListIsAProblem400NamingUrl() throws Exception {
        given(components.register(any())).willThrow(InvalidRequestException.of("url",
                "host 'remote.example' is not in crystallize.remote.allowed-hosts"));
        mvc.perform(post("/api/catalog/remote").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message").value("host 'remote.example' is not in crystallize.remote.allowed-hosts"));
    }

    @Test
    void aBuiltInTypeIsAProblem409() throws Exception {
        given(components.register(any())).willThrow(new ConflictException("type 'math.add' is a built-in or extension component"));
        mvc.perform(post("/api/catalog/remote").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("py.clip", "math.add")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("type 'math.add' is a built-in or extension component"));
    }

    @Test
    void listsAndReadsRegistrations() throws Exception {
        given(components.list()).willReturn(List.of(clip));
        given(components.get("py.clip")).willReturn(clip);
        mvc.perform(get("/api/catalog/remote"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].type").value("py.clip"));
        mvc.perform(get("/api/catalog/remote/{type}", "py.clip"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("http://remote.example/clip"));
    }

    @Test
    void deletingAnswers204AndAnUnknownTypeIs404() throws Exception {
        mvc.perform(delete("/api/catalog/remote/{type}", "py.clip")).andExpect(status().isNoContent());
        verify(components).delete("py.clip");

        willThrow(new NotFoundException("remote component", "py.gone")).given(components).delete("py.gone");
        mvc.perform(delete("/api/catalog/remote/{type}", "py.gone"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("remote component py.gone not found"));
        verify(components, never()).get(anyString());
    }
}
