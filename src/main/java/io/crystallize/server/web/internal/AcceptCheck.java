package io.crystallize.server.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Content negotiation before any side effect: a request that changes something ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} under {@code /api/}) whose {@code Accept} admits no JSON is a 406 before it is
 * handled. Spring MVC would otherwise find out only when writing the answer, after the experiment was stored or the
 * run started.
 */
class AcceptCheck extends OncePerRequestFilter implements Ordered {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    /** Right after the body-size check, before idempotency claims a key. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader("Accept") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(java.util.Collections.list(request.getHeaders("Accept")));
        } catch (InvalidMediaTypeException e) {
            reject(response, HttpStatus.BAD_REQUEST, "the Accept header is not a list of media types");
            return;
        }
        if (!accepted.isEmpty() && accepted.stream().noneMatch(a -> ANSWERS.stream().anyMatch(a::isCompatibleWith))) {
            reject(response, HttpStatus.NOT_ACCEPTABLE, "this request answers application/json "
                    + "(errors application/problem+json); the Accept header admits neither, so nothing was done");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ContainerProblems.write(response, status.value(), detail);
    }
}
