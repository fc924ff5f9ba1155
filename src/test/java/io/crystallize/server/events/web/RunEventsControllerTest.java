package io.crystallize.server.events.web;

import io.crystallize.server.events.RunStreams;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.problem.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/runs/{id}/events} in a web slice: the stream's start and its problems. The events themselves are
 * tested over real HTTP (events/RunEventsTest).
 */
@WebMvcTest(RunEventsController.class)
@AutoConfigureMockMvc(addFilters = false)
class RunEventsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RunStreams streams;

    final UUID runId = UUID.randomUUID();

    @Test
    void opensAnEventStreamFromTheStartForTheClientsAddress() throws Exception {
        SseEmitter emitter = new SseEmitter();
        emitter.send(SseEmitter.event().id("1").name("finished").data("{\"status\":\"COMPLETED\"}"));
        emitter.complete();
        given(streams.open(eq(runId), isNull(), eq("address:127.0.0.1"))).willReturn(emitter);

        MvcResult started = mvc.perform(get("/api/runs/{id}/events", runId).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM))
                .andExpect(content().string(containsString("id:1\nevent:finished\ndata:{\"status\":\"COMPLETED\"}")));
    }

    @Test
    void lastEventIdResumesAfterThatId() throws Exception {
        SseEmitter emitter = new SseEmitter();
        emitter.complete();
        given(streams.open(runId, 41L, "address:127.0.0.1")).willReturn(emitter);
        mvc.perform(get("/api/runs/{id}/events", runId).header("Last-Event-ID", " 41 "))
                .andExpect(request().asyncStarted());
        verify(streams).open(runId, 41L, "address:127.0.0.1");
    }

    @Test
    void aLastEventIdThatIsNotAnIdIsAProblem400NamingTheHeader() throws Exception {
        mvc.perform(get("/api/runs/{id}/events", runId).header("Last-Event-ID", "-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"))
                .andExpect(jsonPath("$.errors[0].message").value("must be the id of an event of this stream (a number)"));
        mvc.perform(get("/api/runs/{id}/events", runId).header("Last-Event-ID", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"));
        verify(streams, never()).open(any(), any(), anyString());
    }

    @Test
    void anUnknownRunIsAProblem404() throws Exception {
        given(streams.open(eq(runId), any(), anyString())).willThrow(new NotFoundException("run", runId));
        mvc.perform(get("/api/runs/{id}/events", runId).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("run " + runId + " not found"));
    }

    @Test
    void tooManyOpenStreamsIsAProblem429() throws Exception {
        // RunStreams' own exception is internal to the events module; any 429 ApiException answers alike.
        given(streams.open(eq(runId), any(), anyString()))
                .willThrow(new TooManyRequestsException("at most 4 event streams may be open at once per user",
                        Duration.ofSeconds(5)));
        mvc.perform(get("/api/runs/{id}/events", runId))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value("at most 4 event streams may be open at once per user"));
    }

    @Test
    void askingForJsonIsAProblem406() throws Exception {
        mvc.perform(get("/api/runs/{id}/events", runId).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(406));
        verify(streams, never()).open(any(), any(), anyString());
    }
}
