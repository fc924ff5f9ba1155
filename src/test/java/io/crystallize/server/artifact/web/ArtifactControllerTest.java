package io.crystallize.server.artifact.web;

import io.crystallize.server.artifact.internal.ArtifactContent;
import io.crystallize.server.artifact.internal.ArtifactService;
import io.crystallize.server.artifact.ArtifactState;
import io.crystallize.server.artifact.ArtifactView;
import io.crystallize.server.problem.GoneException;
import io.crystallize.server.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The artifact endpoints in a web slice: JSON shape, download headers and problem bodies. */
// The slice tests the controller; authentication and workspace checks are tested end to end (access package).
@WebMvcTest(ArtifactController.class)
@AutoConfigureMockMvc(addFilters = false)
class ArtifactControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ArtifactService artifacts;

    final UUID runId = UUID.randomUUID();
    final UUID artifactId = UUID.randomUUID();

    @Test
    void listsTheRunsArtifacts() throws Exception {
        given(artifacts.list(runId)).willReturn(List.of(new ArtifactView(artifactId, "data.json", "artifact.json", 1,
                "boost", 2, 42, "ab".repeat(32), "application/json", true, ArtifactState.PRUNED,
                "/api/artifacts/" + artifactId + "/content")));
        mvc.perform(get("/api/runs/{id}/artifacts", runId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(artifactId.toString()))
                .andExpect(jsonPath("$[0].name").value("data.json"))
                .andExpect(jsonPath("$[0].step").value("artifact.json"))
                .andExpect(jsonPath("$[0].replicate").value(1))
                .andExpect(jsonPath("$[0].condition").value("boost"))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[0].sizeBytes").value(42))
                .andExpect(jsonPath("$[0].sha256").value("ab".repeat(32)))
                .andExpect(jsonPath("$[0].contentType").value("application/json"))
                .andExpect(jsonPath("$[0].pruned").value(true))
                .andExpect(jsonPath("$[0].state").value("PRUNED"))
                .andExpect(jsonPath("$[0].downloadUrl").value("/api/artifacts/" + artifactId + "/content"));
    }

    @Test
    void anUnknownRunIsAProblem404() throws Exception {
        given(artifacts.list(runId)).willThrow(new NotFoundException("run", runId));
        mvc.perform(get("/api/runs/{id}/artifacts", runId))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("run " + runId + " not found"));
    }

    @Test
    void servesTheBytesWithDownloadHeaders() throws Exception {
        given(artifacts.content(artifactId)).willReturn(new ArtifactContent("data.json", "application/json",
                "cd".repeat(32), new ByteArrayResource("[1,2]".getBytes())));
        mvc.perform(get("/api/artifacts/{id}/content", artifactId))
                .andExpect(status().isOk())
                .andExpect(content().bytes("[1,2]".getBytes()))
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().string("Content-Length", "5"))
                .andExpect(header().string("ETag", "\"" + "cd".repeat(32) + "\""))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"data.json\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aGoneArtifactIsAProblem410() throws Exception {
        given(artifacts.content(artifactId)).willThrow(new GoneException("artifact was pruned"));
        mvc.perform(get("/api/artifacts/{id}/content", artifactId))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.detail").value("artifact was pruned"));
    }
}
