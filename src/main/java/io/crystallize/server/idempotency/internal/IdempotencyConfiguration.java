package io.crystallize.server.idempotency.internal;

import io.crystallize.server.access.WorkspaceAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Registers the idempotency filter. A registration bean, not a {@code @Component} filter, so that
 * {@code @WebMvcTest} slices (which pick up filter components) do not need its database.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, TransactionTemplate tx,
                                                                IdempotencyProperties props, JsonMapper json,
                                                                Clock clock, WorkspaceAccess access) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, tx, props, json, clock, access));
        registration.addUrlPatterns("/api/experiments", "/api/experiments/*");
        // After Spring's own filters (encoding, request context), before anything that might write the body.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
