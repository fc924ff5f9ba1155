package io.crystallize.server.web.internal;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers (a request it rejects before any servlet sees it: an encoded {@code /} or NUL in the
 * path, headers over the limit, too many headers, a malformed request line) as {@code application/problem+json}
 * instead of Tomcat's HTML page. Installed as the host's error report valve by {@link ContainerErrorsConfiguration};
 * answers written by the application (every {@code /api} error) are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ContainerProblems.json(status, detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is going away: nothing more can be said to the client.
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request was rejected by the HTTP server: a malformed request line, a path with an encoded "
                    + "'/' or '\\\\' or a NUL, headers larger than server.max-http-request-header-size, or more headers "
                    + "than server.tomcat.max-http-request-headers (see docs/limits.md)";
            case 408 -> "the request was not received in time (server.tomcat.connection-timeout)";
            case 413 -> "the request body is too large";
            default -> "the HTTP server rejected the request";
        };
    }
}
