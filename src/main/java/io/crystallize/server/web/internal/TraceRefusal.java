package io.crystallize.server.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code TRACE} (which would echo a request's headers, tokens included) is a 405 problem on every path, before any
 * other filter: the HTTP server answers the method, not Spring Security's firewall (whose answer would be a 400).
 */
class TraceRefusal extends OncePerRequestFilter implements Ordered {

    static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"TRACE".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.setHeader("Allow", ALLOWED);
        ContainerProblems.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not allowed; allowed: " + ALLOWED);
    }
}
