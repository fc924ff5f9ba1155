package io.crystallize.server;

import io.crystallize.server.extension.ExtensionJars;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Crystallize Server: hosted, reproducible experiments over REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrystallizeServerApplication {

    /** The one source of time, so tests and stored timestamps agree. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CrystallizeServerApplication.class);
        // Jars in the extensions folder join the class path before the context starts (docs/extending.md).
        app.addListeners(new ExtensionJars());
        app.run(args);
    }
}
