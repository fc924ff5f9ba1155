package io.crystallize.server.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets the dashboard's pages read the API with their session: a GET or HEAD under {@code /api} without an
 * {@code Authorization} header is authenticated by the signed-in session, if there is one. Writes never are, so a
 * page on another site cannot make a signed-in browser change anything (no CSRF on the stateless API).
 */
class SessionReads extends OncePerRequestFilter {

    private final SessionCallers sessions;

    SessionReads(SessionCallers sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            sessions.callerOf(request).ifPresent(caller -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CallerAuthentication(caller));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
