package io.crystallize.server.events.web;

import io.crystallize.server.events.RunStreams;
import io.crystallize.server.problem.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

/** {@code GET /api/runs/{id}/events}: a run's live events as {@code text/event-stream} (API.md, docs/events.md). */
@RestController
class RunEventsController {

    private final RunStreams events;

    RunEventsController(RunStreams events) {
        this.events = events;
    }

    @GetMapping(value = "/api/runs/{runId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID runId, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request) {
        return events.open(runId, parse(lastEventId), client(request));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.of("Last-Event-ID", "must be the id of an event of this stream (a number)");
    }

    /** The signed-in user once authentication exists; until then, the client's address. */
    private static String client(HttpServletRequest request) {
        return request.getUserPrincipal() != null ? "user:" + request.getUserPrincipal().getName()
                : "address:" + request.getRemoteAddr();
    }
}
