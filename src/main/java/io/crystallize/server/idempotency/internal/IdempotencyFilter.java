package io.crystallize.server.idempotency.internal;

import io.crystallize.server.access.WorkspaceAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes the submission endpoints idempotent under an {@code Idempotency-Key} header (see package docs).
 * The key is claimed, the request handled and its successful response stored in one transaction that the
 * services join, so the stored response exists exactly when what it describes was committed; the response is
 * held back until then. A failed request (non-2xx) rolls back its claim, so the key can be used again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int ATTEMPTS = 3;
    private static final Pattern PATHS = Pattern.compile("/api/experiments(/[^/]+/runs)?/?");

    private final IdempotencyStore store;
    private final TransactionTemplate tx;
    private final IdempotencyProperties props;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkspaceAccess access;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate tx, IdempotencyProperties props, JsonMapper json,
                      Clock clock, WorkspaceAccess access) {
        this.access = access;
        this.store = store;
        this.tx = tx;
        this.props = props;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(request, response, HttpStatus.BAD_REQUEST, HEADER + " must have 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        String scoped = scoped(key);
        byte[] body = request.getInputStream().readAllBytes();
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String hash = RequestHash.of(request.getMethod(), request.getRequestURI() + query, body);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StoredResponse> stored = store.find(scoped);
            if (stored.isPresent() && stored.get().isExpired(clock.instant())) {
                store.deleteIfExpired(scoped);
                continue;
            }
            if (stored.isPresent() && !stored.get().requestHash().equals(hash)) {
                problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, HEADER + " '" + key
                        + "' was already used for a different request (method, path or body); use a new key");
                return;
            }
            if (stored.isPresent() && stored.get().isComplete()) {
                replay(stored.get(), response);
                return;
            }
            try {
                handleOnce(scoped, hash, new CachedBodyRequest(request, body), response, chain);
                return;
            } catch (IdempotencyStore.KeyTaken concurrentDuplicate) {
                // Another request with this key committed (or rolled back) meanwhile: look again.
            }
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, HttpStatus.CONFLICT, "a request with " + HEADER + " '" + key
                + "' is being processed; retry later");
    }

    /**
     * Keys are the caller's own: stored as the caller's id and the SHA-256 of the key, so two users choosing the
     * same key never see each other's responses (and a stored key fits its column whatever its length).
     */
    private String scoped(String key) {
        String caller = access.currentCaller().map(c -> c.id().toString()).orElse("anonymous");
        return caller + ":" + RequestHash.of("KEY", key, new byte[0]);
    }

    private void handleOnce(String key, String hash, HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            tx.executeWithoutResult(status -> {
                store.claim(key, hash, clock.instant().plus(props.ttl()));
                try {
                    chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                if (captured.getStatus() / 100 == 2) {
                    store.complete(key, captured.getStatus(), captured.getHeader(HttpHeaders.LOCATION),
                            captured.getContentType(), new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                } else {
                    status.setRollbackOnly();
                }
            });
        } catch (ChainFailed e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
        captured.copyBodyToResponse();
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", io.crystallize.server.problem.ProblemType.uriOf(status.value()));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** Carries a checked exception of the filter chain out of the transaction callback. */
    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }
}
