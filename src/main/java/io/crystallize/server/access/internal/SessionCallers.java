package io.crystallize.server.access.internal;

import io.crystallize.server.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Optional;

/**
 * The dashboard's sign-in: the browser's session holds the <em>hash</em> of the token it signed in with (never
 * the token), and every request looks the token up again, so a revoked or expired token ends the session on the
 * next request, exactly as it does for bearer calls.
 */
class SessionCallers implements SecurityContextRepository {

    static final String TOKEN_HASH = "crystallize.token-hash";

    private final TokenAuthenticationProvider tokens;

    SessionCallers(TokenAuthenticationProvider tokens) {
        this.tokens = tokens;
    }

    /** Signs the browser in with {@code token}: a new session (no fixation) holding its hash, or empty. */
    Optional<Caller> signIn(String token, HttpServletRequest request) {
        String hash = Tokens.hash(token.strip());
        Optional<Caller> caller = tokens.callerOf(hash);
        caller.ifPresent(c -> {
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            request.getSession(true).setAttribute(TOKEN_HASH, hash);
        });
        return caller;
    }

    /** The caller whose token this request's session holds, if the token is still usable. */
    Optional<Caller> callerOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TOKEN_HASH) instanceof String hash
                ? tokens.callerOf(hash) : Optional.empty();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = callerOf(request).<SecurityContext>map(c -> new SecurityContextImpl(new CallerAuthentication(c)))
                            .orElseGet(SecurityContextHolder::createEmptyContext);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Nothing to save: signIn writes the session, and the context is rebuilt from it on every request.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TOKEN_HASH) != null;
    }
}
