package io.crystallize.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Crystallize Server: hosted, reproducible experiments over REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrystallizeServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrystallizeServerApplication.class, args);
    }
}
