package io.crystallize.server.web.internal;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes Jetty answer its own errors as problem+json: the server's error handler is {@link ProblemErrorHandler}. */
@Configuration(proxyBeanMethods = false)
class ContainerErrorsConfiguration {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> problemErrors() {
        return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(new ProblemErrorHandler()));
    }
}
