package io.crystallize.server.access.internal;

import io.crystallize.server.access.ReadsOnly;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.access.WorkspaceLookup;
import io.crystallize.server.problem.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks, before a handler runs, that the caller may read (GET/HEAD) or write (anything else) the workspace of
 * the resource its path names, as found by the {@link WorkspaceLookup} whose anchor the handler's pattern starts
 * with. A new endpoint under {@code /api/runs/{runId}/…} is so checked without code of its own.
 */
class WorkspaceScopeInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private record Anchor(String pattern, String variable, WorkspaceLookup lookup) {
    }

    private final List<Anchor> anchors;
    private final WorkspaceAccess access;

    WorkspaceScopeInterceptor(List<WorkspaceLookup> lookups, WorkspaceAccess access) {
        this.anchors = lookups.stream().flatMap(l -> l.anchors().stream().map(a -> new Anchor(a, variable(a), l))).toList();
        this.access = access;
    }

    private static String variable(String anchor) {
        if (!anchor.endsWith("}") || anchor.lastIndexOf('{') < 0) {
            throw new IllegalArgumentException("an anchor ends with its id variable: " + anchor);
        }
        return anchor.substring(anchor.lastIndexOf('{') + 1, anchor.length() - 1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)) {
            return true;
        }
        Optional<Anchor> anchor = anchors.stream().filter(a -> pattern.equals(a.pattern())
                || pattern.startsWith(a.pattern() + "/") || pattern.startsWith(a.pattern() + ".")).findFirst();
        if (anchor.isEmpty()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        UUID id;
        try {
            id = UUID.fromString(variables.get(anchor.get().variable()));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return true; // the handler's own binding answers 400 naming the parameter
        }
        WorkspaceLookup lookup = anchor.get().lookup();
        UUID workspace = lookup.workspaceOf(id).orElseThrow(() -> new NotFoundException(lookup.resource(), id));
        try {
            if (READS.contains(request.getMethod()) || method.hasMethodAnnotation(ReadsOnly.class)) {
                access.requireRead(workspace);
            } else {
                access.requireWrite(workspace);
            }
        } catch (NotFoundException hidden) {
            // Name the resource asked for, not its workspace: the caller must not learn which workspace it is in.
            throw new NotFoundException(lookup.resource(), id);
        }
        return true;
    }
}
