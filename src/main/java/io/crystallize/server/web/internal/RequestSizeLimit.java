package io.crystallize.server.web.internal;

import io.crystallize.server.problem.ProblemType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bounds the body of every API request ({@code crystallize.limits.max-request-size}, default 1MB): a declared
 * larger body is a 413 problem at once; a chunked body that grows past the limit stops being read (a 413 too).
 * A body must arrive within {@code request-body-timeout} (else 408), a refused body is read to its end
 * when that is at most {@code max-swallow-size} more (so the client reads the 413), and at most {@code max-concurrent-uploads}
 * requests read a body at once (else 503 with {@code Retry-After}): clients that trickle bodies cannot hold every
 * server thread, so health checks and other clients are still answered.
 */
class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

    /** The limit, configurable. */
    @ConfigurationProperties("crystallize.limits")
    record Properties(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue("64") int maxConcurrentUploads,
                      @DefaultValue("30s") java.time.Duration requestBodyTimeout,
                      @DefaultValue("2MB") DataSize maxSwallowSize) {
    }

    private final long max;
    private final java.util.concurrent.Semaphore uploads;
    private final long bodyTimeoutNanos;
    private final long swallow;

    RequestSizeLimit(Properties properties) {
        this.max = properties.maxRequestSize().toBytes();
        this.swallow = properties.maxSwallowSize().toBytes();
        this.uploads = new java.util.concurrent.Semaphore(properties.maxConcurrentUploads());
        this.bodyTimeoutNanos = properties.requestBodyTimeout().toNanos();
    }

    /** First of all filters: nothing reads a body before its size is checked. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            if (request.getContentLengthLong() <= max + swallow && uploads.tryAcquire()) {
                try {
                    drain(request, Long.MAX_VALUE);
                } finally {
                    uploads.release();
                }
            }
            reject(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!body) {
            chain.doFilter(request, response);
            return;
        }
        if (!uploads.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            reject(response, HttpStatus.SERVICE_UNAVAILABLE, "too many requests are sending a body at once "
                    + "(crystallize.limits.max-concurrent-uploads); try again");
            return;
        }
        try {
            chain.doFilter(new Limited(request, max, bodyTimeoutNanos), response);
        } catch (BodyRejected e) {
            // Read outside Spring MVC (e.g. the idempotency filter hashing the body): answered here.
            if (!response.isCommitted()) {
                response.reset();
                if (e.status == HttpStatus.CONTENT_TOO_LARGE) {
                    drain(request, swallow);
                }
                reject(response, e.status, e.getMessage());
            }
        } finally {
            uploads.release();
        }
    }

    /**
     * Reads and drops what is left of a refused body (at most {@code crystallize.limits.max-swallow-size} past the
     * limit, within {@code request-body-timeout}), so a client still sending it reads the 413 instead of a reset
     * connection. A larger or slower rest is left: the server answers and closes the connection.
     */
    private void drain(HttpServletRequest request, long atMost) {
        long deadline = System.nanoTime() + bodyTimeoutNanos;
        byte[] buffer = new byte[8192];
        long left = atMost;
        try {
            var in = request.getInputStream();
            int n;
            while (left > 0 && System.nanoTime() < deadline
                    && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away or stalled: nothing more to wait for.
        }
    }

    private String tooLarge() {
        return "the request body exceeds crystallize.limits.max-request-size (" + max + " bytes)";
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ContainerProblems.write(response, status.value(), detail);
    }

    /** The body broke a limit while it was read: its status (413, 408) travels with it. */
    static final class BodyRejected extends IOException {
        final HttpStatus status;

        BodyRejected(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A request whose body stream fails once more than {@code max} bytes were read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private final long deadline;

        Limited(HttpServletRequest request, long max, long timeoutNanos) {
            super(request);
            this.max = max;
            this.deadline = System.nanoTime() + timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > max) {
                        throw new BodyRejected(HttpStatus.CONTENT_TOO_LARGE, "the request body exceeds "
                                + "crystallize.limits.max-request-size (" + max + " bytes)");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new BodyRejected(HttpStatus.REQUEST_TIMEOUT, "the request body did not arrive within "
                                + "crystallize.limits.request-body-timeout");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
