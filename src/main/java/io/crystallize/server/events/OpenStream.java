package io.crystallize.server.events;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One client's open stream: its emitter, its position in the run's events, and when it was last written to. */
final class OpenStream {

    final String client;
    final SseEmitter emitter;
    final Subscriber position;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastWrite = System.nanoTime();

    OpenStream(String client, SseEmitter emitter, Subscriber position) {
        this.client = client;
        this.emitter = emitter;
        this.position = position;
    }

    /** Writes the events (on the ticker thread only); false when the client is gone. */
    boolean send(List<StreamEvent> events) {
        try {
            for (StreamEvent e : events) {
                SseEmitter.SseEventBuilder event = SseEmitter.event().name(e.name()).data(e.data(), MediaType.APPLICATION_JSON);
                emitter.send(e.id() == null ? event : event.id(e.id()));
            }
            if (!events.isEmpty()) {
                lastWrite = System.nanoTime();
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    /** A comment line, so proxies see traffic on an idle stream (and a vanished client is noticed). */
    boolean heartbeat(long everyNanos) {
        if (System.nanoTime() - lastWrite < everyNanos) {
            return true;
        }
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
            lastWrite = System.nanoTime();
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    /** True only for the first call: the stream's quota slot is released exactly once. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }
}
