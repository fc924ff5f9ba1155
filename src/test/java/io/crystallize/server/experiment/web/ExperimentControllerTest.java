package io.crystallize.server.experiment.web;

import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The experiment endpoints in a web slice: every error is a problem body naming what went wrong. */
@WebMvcTest(ExperimentController.class)
// The controller alone: the security filters and the access rules are tested over real HTTP (access/).
@AutoConfigureMockMvc(addFilters = false)
class ExperimentControllerTest {

    private static final String DEFINITION = """
            {"name": "e", "datasource": {"type": "range", "params": {"end": 3}}, "steps": [{"type": "math.add"}]}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ExperimentService experiments;

    @Test
    void anInvalidDefinitionIsAProblem400NamingTheField() throws Exception {
        given(experiments.create(any())).willThrow(new InvalidRequestException(
                List.of(new FieldError("steps[0].type", "unknown step type 'math.ad'"))));
        mvc.perform(post("/api/experiments").contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("steps[0].type"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown step type 'math.ad'"));
    }

    @Test
    void anUnknownJsonFieldIsA400NamingItAndReachesNoService() throws Exception {
        mvc.perform(post("/api/experiments").contentType(MediaType.APPLICATION_JSON)
                        .content(DEFINITION.replace("\"name\"", "\"stepz\": [], \"name\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("stepz"));
        verify(experiments, never()).create(any());
    }

    @Test
    void aTakenNameIsAProblem409() throws Exception {
        given(experiments.create(any())).willThrow(new ConflictException("an experiment named 'e' exists"));
        mvc.perform(post("/api/experiments").contentType(MediaType.APPLICATION_JSON).content(DEFINITION))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("an experiment named 'e' exists"));
    }

    @Test
    void anUnknownExperimentIsAProblem404() throws Exception {
        UUID id = UUID.randomUUID();
        given(experiments.get(id)).willThrow(new NotFoundException("experiment", id));
        mvc.perform(get("/api/experiments/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMalformedIdIsAProblem400NamingIt() throws Exception {
        mvc.perform(get("/api/experiments/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
