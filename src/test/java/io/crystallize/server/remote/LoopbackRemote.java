package io.crystallize.server.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crystallize.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on the loopback interface (JDK {@code com.sun.net.httpserver}) playing a remote component:
 * it records every call (body and {@code Idempotency-Key}), counts calls in flight, and answers what the test's
 * function says — after a delay without blocking a thread, or never (a hanging remote).
 */
final class LoopbackRemote implements AutoCloseable {

    /** One call as the remote saw it. */
    record Call(JsonNode body, String idempotencyKey, String contentType) {
    }

    /** What to answer: status, JSON body, delay in ms (negative: never answer). */
    record Answer(int status, String contentType, String body, long delayMs) {

        static Answer ok(Object body) {
            return new Answer(200, "application/json", Api.JSON.writeValueAsString(body), 0);
        }

        static Answer hang() {
            return new Answer(0, null, null, -1);
        }

        Answer after(long ms) {
            return new Answer(status, contentType, body, ms);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService delays = Executors.newScheduledThreadPool(2);
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<HttpExchange> hanging = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    LoopbackRemote(Function<Call, Answer> behaviour) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            JsonNode body = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
            Call call = new Call(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"));
            calls.add(call);
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Answer answer = behaviour.apply(call);
            if (answer.delayMs() < 0) {
                hanging.add(exchange);
            } else if (answer.delayMs() == 0) {
                respond(exchange, answer);
            } else {
                delays.schedule(() -> respond(exchange, answer), answer.delayMs(), TimeUnit.MILLISECONDS);
            }
        });
        server.start();
    }

    private void respond(HttpExchange exchange, Answer answer) {
        inFlight.decrementAndGet();
        try (exchange) {
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the service gave up on this call (its timeout): nothing to answer
        }
    }

    /** The URL of {@code path} on this server, e.g. {@code http://127.0.0.1:40123/step}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The most calls this remote held at once. */
    int peakInFlight() {
        return peak.get();
    }

    /** A problem+json answer of RFC 9457. */
    static Answer problem(int status, String title, String detail) {
        return new Answer(status, "application/problem+json",
                Api.JSON.writeValueAsString(Map.of("title", title, "detail", detail, "status", status)), 0);
    }

    @Override
    public void close() {
        hanging.forEach(HttpExchange::close);
        server.stop(0);
        delays.shutdownNow();
        handlers.shutdownNow();
    }
}
