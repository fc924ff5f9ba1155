package io.crystallize.server.remote.internal;

import io.crystallize.server.engine.CancellationToken;
import io.crystallize.server.engine.CancellationToken.RunCancelledException;
import io.crystallize.server.engine.RunLog;
import io.crystallize.server.remote.RemoteCallException;
import io.crystallize.server.remote.RemoteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side of remote components: one JDK {@link HttpClient} for all of them (it keeps connections alive and
 * reuses them), a fair per-component {@link Semaphore} on this node, a deadline per attempt that also covers a
 * slowly streamed body, the response size limit, and retries of connection failures and 5xx with the same
 * request (so the same {@code Idempotency-Key}). A call that times out is not retried: a hanging remote costs
 * one timeout per unit. Redirects are not followed, so an allowed host cannot send calls elsewhere.
 */
@Component
class RemoteCaller {

    private static final Logger log = LoggerFactory.getLogger(RemoteCaller.class);
    /** How often a waiting call looks at its run's cancellation. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_MS = 10_000;

    private final HttpClient client;
    private final RemoteProperties props;
    private final ProblemText problems;
    private final Map<UUID, Semaphore> limits = new ConcurrentHashMap<>();

    RemoteCaller(RemoteProperties props, ProblemText problems) {
        this.props = props;
        this.problems = problems;
        // HTTP/1.1: plain-http remotes get no h2c upgrade attempt, and every call in flight has its own pooled
        // connection (the client opens as many as the concurrency limits allow and keeps them alive).
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs {@code body} and returns the body of the 2xx answer; anything else is a {@link RemoteCallException}. */
    byte[] call(RemoteDefinition d, String idempotencyKey, byte[] body, CancellationToken cancellation, RunLog runLog)
            throws InterruptedException {
        if (!props.allows(d.url())) {
            throw failure(d, null, ": host '" + d.url().getHost() + "' is not in " + RemoteProperties.ALLOWED_HOSTS);
        }
        HttpRequest request = HttpRequest.newBuilder(d.url()).timeout(d.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Semaphore permits = limits.computeIfAbsent(d.id(), id -> new Semaphore(d.maxConcurrency(), true));
        while (!permits.tryAcquire(POLL_NANOS, TimeUnit.NANOSECONDS)) {
            cancellation.throwIfCancelled();
        }
        try {
            return exchange(d, request, idempotencyKey, cancellation, runLog);
        } finally {
            permits.release();
        }
    }

    /** Drops the concurrency limit of a deleted registration. */
    void forget(UUID registrationId) {
        limits.remove(registrationId);
    }

    private byte[] exchange(RemoteDefinition d, HttpRequest request, String key, CancellationToken cancellation,
                            RunLog runLog) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt > d.retries();
            String problem;
            try {
                HttpResponse<byte[]> response = await(d, client.sendAsync(request,
                        LimitedBody.handler(props.maxResponseSize().toBytes())), cancellation);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                problem = "answered " + status + attempts(attempt) + ": " + problems.of(response.body());
                if (status < 500 || last) {
                    throw failure(d, status, " " + problem);
                }
            } catch (ConnectionFailure e) {
                problem = "could not be reached" + attempts(attempt) + ": " + e.getMessage();
                if (last) {
                    throw failure(d, null, " " + problem);
                }
            }
            log.info("{} {}; retrying with Idempotency-Key {}", d.label(), problem, key);
            runLog.warn(d.label() + " " + problem + "; retrying (Idempotency-Key " + key + ")");
            long backoff = Math.min(MAX_BACKOFF_MS, props.retryBackoff().toMillis() << Math.min(attempt - 1, 20));
            cancellation.sleep(backoff);
        }
    }

    /** Waits for the answer until the call's deadline, looking at the run's cancellation; aborts the call else. */
    private HttpResponse<byte[]> await(RemoteDefinition d, CompletableFuture<HttpResponse<byte[]>> call,
                                       CancellationToken cancellation) throws InterruptedException, ConnectionFailure {
        long deadline = System.nanoTime() + d.timeout().toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timeout(d);
                }
                try {
                    return call.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    if (cancellation.isCancelled()) {
                        throw new RunCancelledException();
                    }
                }
            }
        } catch (ExecutionException e) {
            throw translate(d, e.getCause());
        } finally {
            call.cancel(true); // no-op once answered; else the client aborts the exchange
        }
    }

    private RuntimeException translate(RemoteDefinition d, Throwable cause) throws ConnectionFailure {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLargeException) {
                return failure(d, null, " answered " + t.getMessage() + " (" + RemoteProperties.MAX_RESPONSE_SIZE
                        + " is " + props.maxResponseSize() + ")");
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            throw new ConnectionFailure("no connection within " + props.connectTimeout());
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(d);
        }
        if (cause instanceof IOException) {
            throw new ConnectionFailure(describe(cause));
        }
        return failure(d, null, " failed: " + describe(cause));
    }

    private static RemoteCallException timeout(RemoteDefinition d) {
        return failure(d, null, " did not answer within its timeout of " + d.timeout());
    }

    private static RemoteCallException failure(RemoteDefinition d, Integer status, String problem) {
        return new RemoteCallException(d.type(), d.url().toString(), status, d.label() + problem);
    }

    private static String attempts(int attempt) {
        return attempt == 1 ? "" : " (attempt " + attempt + ")";
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A connection could not be made or broke before an answer: worth another attempt. */
    private static final class ConnectionFailure extends Exception {
        ConnectionFailure(String message) {
            super(message, null, false, false);
        }
    }
}
