package io.crystallize.server.access.internal;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Clock;

/**
 * The dashboard's pages: signed in with a token at {@code /login} (a session afterwards, see
 * {@link SessionCallers}), CSRF-protected forms, and a redirect to {@code /login} for a browser that is not
 * signed in. The API keeps its own stateless chain ({@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

    static final String[] PAGES = {"/", "/login", "/logout", "/experiments/**", "/runs/**"};

    @Bean
    SessionCallers sessionCallers(UsableTokens tokens, Clock clock) {
        return new SessionCallers(new TokenAuthenticationProvider(tokens, clock, false));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain browserSecurity(HttpSecurity http, SessionCallers sessions) throws Exception {
        http.securityMatcher(PAGES)
                .securityContext(c -> c.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }
}
