package io.crystallize.server.access.internal;

import io.crystallize.server.access.AccessProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Security: stateless bearer tokens on {@code /api/**} (ours, and JWTs when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} makes Boot create a
 * {@link JwtDecoder}); health public (its details for admins only, see application.yml), every other actuator
 * endpoint for admins; the dashboard, static pages and the API docs open. No sessions and no cookies, hence no
 * CSRF protection to need.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, UsableTokens tokens, UserRepository users, Accounts accounts,
                                    Clock clock, AccessProperties props, JsonMapper json,
                                    ObjectProvider<JwtDecoder> jwtDecoder, SessionCallers sessions) throws Exception {
        AuthenticationManager manager = authenticationManager(tokens, users, accounts, clock, props,
                jwtDecoder.getIfAvailable());
        http.csrf(csrf -> csrf.disable())
                // The dashboard's pages read the API with their session (GET and HEAD only).
                .addFilterBefore(new SessionReads(sessions), BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(a -> a
                        // The request was authorized on its REQUEST dispatch; error pages and async (SSE) dispatches
                        // of it are not a second request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                // Spring Security's default Cache-Control: no-store on every answer would defeat ETag revalidation
                // of runs, results and artifacts; answers that carry a secret set no-store themselves.
                .headers(h -> h.cacheControl(c -> c.disable())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        List<String> origins = props.cors().allowedOrigins();
        if (origins.isEmpty()) {
            http.cors(c -> c.disable());
        } else {
            http.cors(c -> c.configurationSource(cors(origins)));
        }
        return http.build();
    }

    private static AuthenticationManager authenticationManager(UsableTokens tokens, UserRepository users,
                                                               Accounts accounts, Clock clock,
                                                               AccessProperties props, JwtDecoder jwtDecoder) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new TokenAuthenticationProvider(tokens, clock, jwtDecoder != null));
        if (jwtDecoder != null) {
            // An identity provider that cannot be reached (its discovery document or keys) refuses the JWT with a
            // 401 like any bad token, instead of failing the request with a 500.
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(token -> {
                try {
                    return jwtDecoder.decode(token);
                } catch (JwtDecoderInitializationException unreachable) {
                    throw new JwtException("the identity provider's keys cannot be loaded", unreachable);
                }
            });
            jwt.setJwtAuthenticationConverter(new JwtUsers(users, accounts, props));
            providers.add(jwt);
        }
        ProviderManager manager = new ProviderManager(providers);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-None-Match",
                "Last-Event-ID", "Range"));
        config.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "Content-Disposition"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
