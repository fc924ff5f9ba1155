package io.crystallize.examples.extension;

import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.Step;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The extension's auto-configuration, listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}: Crystallize Server
 * finds it in the jar at start and registers its beans in the catalog.
 */
@AutoConfiguration
public class ExampleExtension {

    @Bean
    Step clampStep() {
        return new ClampStep();
    }

    @Bean
    PluginFactory censusPluginFactory() {
        return new CensusPluginFactory();
    }
}
