package io.crystallize.server.access.internal;

import io.crystallize.server.access.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates our own bearer tokens by the hash of the presented value, on every request: no cache, so a
 * revoked or expired token is refused from the next request on. JWT-shaped values are left to the JWT provider.
 */
class TokenAuthenticationProvider implements AuthenticationProvider {

    private static final BearerTokenError INVALID = BearerTokenErrors.invalidToken("unknown, expired or revoked token");

    private final UsableTokens tokens;
    private final Clock clock;
    private final boolean jwtEnabled;

    TokenAuthenticationProvider(UsableTokens tokens, Clock clock,
                                boolean jwtEnabled) {
        this.tokens = tokens;
        this.clock = clock;
        this.jwtEnabled = jwtEnabled;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (jwtEnabled && !token.startsWith(Tokens.PREFIX) && token.chars().filter(c -> c == '.').count() == 2) {
            return null; // a JWT: the next provider decides
        }
        return callerOf(Tokens.hash(token)).map(CallerAuthentication::new)
                .orElseThrow(() -> new OAuth2AuthenticationException(INVALID));
    }

    /**
     * The user of a usable (known, unexpired, unrevoked) token, by the token's hash; read anew on every call, in one
     * query (it is on the path of every request, status polls included).
     */
    Optional<Caller> callerOf(String tokenHash) {
        return tokens.callerOf(tokenHash, clock.instant());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
