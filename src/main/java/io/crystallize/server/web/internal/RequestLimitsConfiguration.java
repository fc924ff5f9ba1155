package io.crystallize.server.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request filters of the web module (size limits, TRACE, problem compression, Accept). A configuration (not a component scanned into MVC slice tests), so
 * controller slice tests need not provide its properties.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    RequestSizeLimit requestSizeLimit(RequestSizeLimit.Properties properties) {
        return new RequestSizeLimit(properties);
    }

    @Bean
    TraceRefusal traceRefusal() {
        return new TraceRefusal();
    }

    @Bean
    ProblemCompression problemCompression(org.springframework.boot.web.server.autoconfigure.ServerProperties server) {
        return new ProblemCompression(server.getCompression());
    }

    @Bean
    AcceptCheck acceptCheck() {
        return new AcceptCheck();
    }
}
