package io.crystallize.server.run.web;

import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.run.internal.RunReads;
import io.crystallize.server.run.internal.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The run endpoints in a web slice: every error is a problem body naming what went wrong. */
@WebMvcTest(RunController.class)
// The controller alone: the security filters and the access rules are tested over real HTTP (access/).
@AutoConfigureMockMvc(addFilters = false)
class RunControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RunService runs;

    @MockitoBean
    RunReads reads;

    @MockitoBean
    io.crystallize.server.access.SubmissionLimiter limiter;

    @MockitoBean
    io.crystallize.server.access.WorkspaceAccess access;

    final UUID id = UUID.randomUUID();

    @Test
    void aBadRunRequestIsAProblem400NamingTheField() throws Exception {
        given(access.caller()).willReturn(new io.crystallize.server.access.Caller(UUID.randomUUID(), "someone", false));
        given(limiter.acquire(any())).willReturn(new org.springframework.http.HttpHeaders());
        given(runs.start(eq(id), any())).willThrow(InvalidRequestException.of("replicates", "must be between 1 and 1000"));
        mvc.perform(post("/api/experiments/{id}/runs", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"replicates\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("replicates"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 1000"));
    }

    @Test
    void cancellingAFinishedRunIsAProblem409() throws Exception {
        given(runs.cancel(id)).willThrow(new ConflictException("run " + id + " is already COMPLETED"));
        mvc.perform(post("/api/runs/{id}/cancel", id))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("run " + id + " is already COMPLETED"));
    }

    @Test
    void resultsBeforeTheEndAreAProblem409() throws Exception {
        given(reads.resultsEtag(id)).willThrow(new ConflictException("run " + id + " is RUNNING"));
        mvc.perform(get("/api/runs/{id}/results", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void anUnknownRunIsAProblem404() throws Exception {
        given(runs.getTagged(id)).willThrow(new NotFoundException("run", id));
        mvc.perform(get("/api/runs/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anUnknownStatusFilterIsAProblem400NamingIt() throws Exception {
        mvc.perform(get("/api/runs").param("status", "SLEEPING"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }
}
