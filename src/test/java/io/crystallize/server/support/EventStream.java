package io.crystallize.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code text/event-stream} response of the service, opened by {@link Api#stream}. {@link #read()} parses its
 * body line by line on a daemon thread of its own into {@link #events()}; a stream never read holds no thread
 * (for tests of many idle streams).
 */
public final class EventStream implements AutoCloseable {

    /** One server-sent event; {@code id} null when the event carried none. */
    public record Event(String id, String name, String data) {

        public tools.jackson.databind.JsonNode json() {
            return Api.JSON.readTree(data);
        }
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private volatile boolean ended;

    EventStream(HttpResponse<InputStream> response) {
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    /** The whole body, for an answer that is not a stream (an error). */
    public String body() {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts reading the events as they arrive; returns this. */
    public EventStream read() {
        Thread reader = new Thread(this::parse, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    private void parse() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    synchronized (this) {
                        comments.add(line.substring(1).trim());
                    }
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException closed) {
            // closed by the test, or the connection dropped: either way the stream has ended
        } finally {
            ended = true;
        }
    }

    private synchronized void add(Event event) {
        events.add(event);
    }

    /** The events so far, in arrival order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The comment lines so far (heartbeats). */
    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
