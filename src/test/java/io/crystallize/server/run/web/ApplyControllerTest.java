package io.crystallize.server.run.web;

import io.crystallize.server.engine.UnitError;
import io.crystallize.server.problem.ApiException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.run.internal.ApplyService;
import io.crystallize.server.run.internal.ApplyService.ApplyRequest;
import io.crystallize.server.run.internal.ApplyService.ApplyResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/experiments/{id}/apply} in a web slice: the pass's data and metrics, and its problems. */
@WebMvcTest(ApplyController.class)
// The controller alone: real pipelines are applied end to end (model/ApplyTest).
@AutoConfigureMockMvc(addFilters = false)
class ApplyControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ApplyService apply;

    final UUID id = UUID.randomUUID();

    @Test
    void answersThePassesDataAndMetrics() throws Exception {
        given(apply.apply(id, new ApplyRequest(List.of(1, 2), "boost", 7L)))
                .willReturn(new ApplyResponse(List.of(11, 12), Map.of("mean", List.of(11.5)), null));
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": [1, 2], \"treatment\": \"boost\", \"seed\": 7}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.data[1]").value(12))
                .andExpect(jsonPath("$.metrics.mean[0]").value(11.5));
    }

    @Test
    void theBodyIsOptional() throws Exception {
        given(apply.apply(eq(id), isNull())).willReturn(new ApplyResponse(Map.of("x", 1), Map.of(), null));
        mvc.perform(post("/api/experiments/{id}/apply", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.x").value(1))
                .andExpect(jsonPath("$.metrics").isEmpty());
    }

    @Test
    void aFailedStepIsTheAnswersErrorNotAProblem() throws Exception {
        given(apply.apply(eq(id), any())).willReturn(new ApplyResponse(null, Map.of(),
                new UnitError("ValueError", "negative input", "at step 0")));
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error.type").value("ValueError"))
                .andExpect(jsonPath("$.error.message").value("negative input"));
    }

    @Test
    void anUnknownTreatmentIsAProblem400NamingIt() throws Exception {
        given(apply.apply(eq(id), any())).willThrow(InvalidRequestException.of("treatment", "unknown treatment 'nope'"));
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"treatment\": \"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("treatment"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown treatment 'nope'"));
    }

    @Test
    void aSeedThatIsNotANumberIsA400NamingItAndRunsNothing() throws Exception {
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seed\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("seed"));
        verify(apply, never()).apply(any(), any());
    }

    @Test
    void anUnknownExperimentIsAProblem404() throws Exception {
        given(apply.apply(eq(id), any())).willThrow(new NotFoundException("experiment", id));
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aPassOverItsTimeLimitIsAProblem504() throws Exception {
        // ApplyService's own timeout exception is internal to it: any ApiException of that status answers alike.
        given(apply.apply(eq(id), any())).willThrow(new ApiException("apply took longer than PT10S") {
            @Override
            public HttpStatus status() {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        });
        mvc.perform(post("/api/experiments/{id}/apply", id).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isGatewayTimeout())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(504))
                .andExpect(jsonPath("$.detail").value("apply took longer than PT10S"));
    }
}
