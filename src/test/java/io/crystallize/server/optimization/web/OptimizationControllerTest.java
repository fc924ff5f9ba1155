package io.crystallize.server.optimization.web;

import io.crystallize.server.optimization.OptimizationRequest;
import io.crystallize.server.optimization.OptimizationView;
import io.crystallize.server.optimization.OptimizationView.TrialView;
import io.crystallize.server.optimization.internal.OptimizationService;
import io.crystallize.server.optimization.internal.OptimizationService.AskResponse;
import io.crystallize.server.optimization.internal.OptimizationService.TellRequest;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.problem.TooManyRequestsException;
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
import java.util.Map;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The optimization endpoints in a web slice: 202 with the view, trials and best, ask/tell, and their problems. */
@WebMvcTest(OptimizationController.class)
// The controller alone: the workspace checks are tested over real HTTP (model/OptimizationTest).
@AutoConfigureMockMvc(addFilters = false)
class OptimizationControllerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String BODY = """
            {"space": {"delta": {"type": "float", "low": 0, "high": 10}},
             "objective": {"metric": "mean", "direction": "maximize", "aggregate": "mean"},
             "trials": 2, "sampler": "random", "seed": 7}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OptimizationService optimizations;

    final UUID experiment = UUID.randomUUID();
    final UUID id = UUID.randomUUID();

    @Test
    void startingAnOptimizationAnswers202WithItsLocation() throws Exception {
        given(optimizations.create(eq(experiment), any())).willReturn(view("RUNNING", List.of(), null));
        mvc.perform(post("/api/experiments/{id}/optimizations", experiment).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/optimizations/" + id))
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.experimentId").value(experiment.toString()))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.sampler").value("random"))
                .andExpect(jsonPath("$.plannedTrials").value(2))
                .andExpect(jsonPath("$.space.delta.type").value("float"))
                .andExpect(jsonPath("$.objective.direction").value("maximize"))
                .andExpect(jsonPath("$.best").doesNotExist());
    }

    @Test
    void noBodyIsAProblem400NamingSpace() throws Exception {
        given(optimizations.create(eq(experiment), isNull()))
                .willThrow(InvalidRequestException.of("space", "a body with space and objective is required"));
        mvc.perform(post("/api/experiments/{id}/optimizations", experiment))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("space"))
                .andExpect(jsonPath("$.errors[0].message").value("a body with space and objective is required"));
    }

    @Test
    void aFullNodeIsAProblem429WithRetryAfter() throws Exception {
        given(optimizations.create(eq(experiment), any()))
                .willThrow(new TooManyRequestsException("this node already evaluates 2 optimizations", Duration.ofSeconds(30)));
        mvc.perform(post("/api/experiments/{id}/optimizations", experiment).contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void theViewListsTrialsWithParamsAndValueAndTheBest() throws Exception {
        TrialView first = new TrialView(0, "opt_0", Map.of("delta", 2.5), "COMPLETED", false, 2.4, null, T0);
        TrialView second = new TrialView(1, "opt_1", Map.of("delta", 9.0), "COMPLETED", true, 8.9, null, T0);
        given(optimizations.get(id)).willReturn(view("COMPLETED", List.of(first, second), second));
        mvc.perform(get("/api/optimizations/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trials.length()").value(2))
                .andExpect(jsonPath("$.trials[0].trial").value(0))
                .andExpect(jsonPath("$.trials[0].params.delta").value(2.5))
                .andExpect(jsonPath("$.trials[0].value").value(2.4))
                .andExpect(jsonPath("$.trials[0].error").doesNotExist())
                .andExpect(jsonPath("$.best.trial").value(1))
                .andExpect(jsonPath("$.best.external").value(true))
                .andExpect(jsonPath("$.best.value").value(8.9));
    }

    @Test
    void anUnknownOptimizationIsAProblem404() throws Exception {
        given(optimizations.get(id)).willThrow(new NotFoundException("optimization", id));
        mvc.perform(get("/api/optimizations/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("optimization " + id + " not found"));
    }

    @Test
    void askGivesATrialAndItsParams() throws Exception {
        given(optimizations.ask(id)).willReturn(new AskResponse(3, Map.of("delta", 4.0)));
        mvc.perform(post("/api/optimizations/{id}/ask", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trial").value(3))
                .andExpect(jsonPath("$.params.delta").value(4.0));
    }

    @Test
    void tellingWithoutAValueIsA400AndTellingAFinishedTrialA409() throws Exception {
        given(optimizations.tell(id, new TellRequest(3, null)))
                .willThrow(InvalidRequestException.of("value", "is required and must be a finite number"));
        mvc.perform(post("/api/optimizations/{id}/tell", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"trial\": 3}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("value"));

        given(optimizations.tell(id, new TellRequest(3, 1.5))).willThrow(new ConflictException("trial 3 is COMPLETED"));
        mvc.perform(post("/api/optimizations/{id}/tell", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"trial\": 3, \"value\": 1.5}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("trial 3 is COMPLETED"));
    }

    @Test
    void cancellingAnswers202WithTheView() throws Exception {
        given(optimizations.cancel(id)).willReturn(view("CANCELLED", List.of(), null));
        mvc.perform(post("/api/optimizations/{id}/cancel", id))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    private OptimizationView view(String status, List<TrialView> trials, TrialView best) {
        return new OptimizationView(id, experiment, status, "random", 7, 42,
                Map.of("delta", new OptimizationRequest.Dimension("float", 0.0, 10.0, null, null)),
                new OptimizationRequest.Objective("mean", "maximize", "mean"), 2, trials, best, null, T0, null);
    }
}
