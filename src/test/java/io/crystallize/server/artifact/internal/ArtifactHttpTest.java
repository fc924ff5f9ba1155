package io.crystallize.server.artifact.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** {@link ServiceTest} on an in-memory H2 database, one context shared by the subclasses. */
abstract class ArtifactHttpTest extends ServiceTest {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:artifacts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
