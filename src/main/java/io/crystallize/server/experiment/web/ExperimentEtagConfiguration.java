package io.crystallize.server.experiment.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.util.regex.Pattern;

/**
 * {@code GET /api/experiments/{id}} carries an ETag and answers {@code If-None-Match} with 304 (API.md, "Cheap
 * polling"). Spring's {@link ShallowEtagHeaderFilter} hashes the answer (a small document), so the ETag follows
 * whatever the view shows without a version column to keep in step.
 */
@Configuration(proxyBeanMethods = false)
class ExperimentEtagConfiguration {

    private static final Pattern ONE_EXPERIMENT = Pattern.compile("/api/experiments/[^/]+/?");

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> experimentEtagFilter() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !ONE_EXPERIMENT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
            }
        };
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/experiments/*");
        registration.setName("experimentEtagFilter");
        return registration;
    }
}
