package io.crystallize.server.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request-size filter. A configuration (not a component scanned into MVC slice tests), so
 * controller slice tests need not provide its properties.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    RequestSizeLimit requestSizeLimit(RequestSizeLimit.Properties properties) {
        return new RequestSizeLimit(properties);
    }

    @Bean
    AcceptCheck acceptCheck() {
        return new AcceptCheck();
    }
}
