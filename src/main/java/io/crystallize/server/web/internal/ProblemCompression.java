package io.crystallize.server.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.server.Compression;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.zip.GZIPOutputStream;

/**
 * Problem answers larger than {@code server.compression.min-response-size} are gzip-compressed for clients that
 * accept it, like every other JSON answer: Jetty's compression handler leaves answers of status 300 and above alone.
 * A body is buffered only once its status (4xx/5xx) and type ({@code application/problem+json}) say it is a problem,
 * which the application writes whole; every other answer passes through untouched, streams included.
 */
class ProblemCompression extends OncePerRequestFilter implements Ordered {

    private final boolean enabled;
    private final long minSize;

    ProblemCompression(Compression compression) {
        this.enabled = Boolean.TRUE.equals(compression.getEnabled());
        this.minSize = compression.getMinResponseSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return !enabled || accepted == null || !accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Problems problems = new Problems(response);
        try {
            chain.doFilter(request, problems);
        } finally {
            problems.finish();
        }
    }

    /** The response, buffering its body when it turns out to be a problem. */
    private final class Problems extends HttpServletResponseWrapper {

        private ByteArrayOutputStream buffer;
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean finished;

        Problems(HttpServletResponse response) {
            super(response);
        }

        private boolean isProblem() {
            String type = getContentType();
            return !finished && getStatus() >= 400 && type != null
                    && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                if (!isProblem()) {
                    return super.getOutputStream();
                }
                buffer = new ByteArrayOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("a problem body is written whole");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (!isProblem()) {
                    return super.getWriter();
                }
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            setContentLengthLong(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            if (buffer == null) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (buffer == null) {
                super.flushBuffer();
            }
        }

        void finish() throws IOException {
            finished = true;
            if (buffer == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            byte[] body = buffer.toByteArray();
            if (body.length >= minSize) {
                ByteArrayOutputStream gzipped = new ByteArrayOutputStream(body.length / 4 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
                    gzip.write(body);
                }
                body = gzipped.toByteArray();
                response.setHeader("Content-Encoding", "gzip");
                response.addHeader("Vary", "Accept-Encoding");
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
