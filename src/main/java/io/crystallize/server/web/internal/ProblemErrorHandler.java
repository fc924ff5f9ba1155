package io.crystallize.server.web.internal;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error answers as {@code application/problem+json} instead of its HTML page: requests it rejects before
 * any servlet sees them (a malformed request line, headers over {@code server.max-http-request-header-size}, a path
 * with an encoded {@code /} or a NUL). Installed as the server's error handler by
 * {@link ContainerErrorsConfiguration}; answers written by the application (every {@code /api} error, and the
 * servlet context's own through Spring Boot's {@code /error}) are left alone.
 */
class ProblemErrorHandler extends ErrorHandler {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** A message Jetty could not parse into a request: the body of the answer it writes before closing. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        return BufferUtil.toBuffer(ContainerProblems.json(status, detail(status)), StandardCharsets.UTF_8);
    }

    /** A parsed request that Jetty refused before the application's context. */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, BufferUtil.toBuffer(ContainerProblems.json(code, detail(code)), StandardCharsets.UTF_8),
                callback);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request was rejected by the HTTP server: a malformed request line or header, or a path "
                    + "with an encoded '/' or '\\\\' or a NUL (see docs/limits.md)";
            case 408 -> "the request was not received in time (server.jetty.connection-idle-timeout)";
            case 413 -> "the request body is too large";
            case 414 -> "the request line is longer than server.max-http-request-header-size";
            case 431 -> "the request's headers are larger than server.max-http-request-header-size (see docs/limits.md)";
            default -> "the HTTP server rejected the request";
        };
    }
}
