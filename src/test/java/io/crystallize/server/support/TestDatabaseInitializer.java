package io.crystallize.server.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Gives every Spring application context of the test JVM its own fresh database of the kind
 * {@link TestDatabase#current()} names, so test classes never see each other's data, on H2 as on PostgreSQL.
 * Registered in {@code META-INF/spring.factories}, so it covers every {@code @SpringBootTest} without an
 * annotation. The properties sit just above {@code application.yml}: anything a test sets itself
 * ({@code properties}, {@code @TestPropertySource}, {@code @DynamicPropertySource}, system properties,
 * arguments) still wins, and the database is only created when the datasource actually asks for its URL. The
 * admin's bootstrap token is {@link Api#ADMIN_TOKEN}, which {@link Api} sends by default.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SOURCE_NAME = "crystallizeTestDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase kind = TestDatabase.current();
        ConfigurableEnvironment env = context.getEnvironment();
        if (kind == TestDatabase.OFF || env.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        env.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new DatabaseProperties(kind, memoize(kind::newDatabase)));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The datasource of one context; the database behind it is created on first read of a value. */
    private static final class DatabaseProperties extends EnumerablePropertySource<Supplier<TestDatabase.Connection>> {

        private static final String[] NAMES = {
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.datasource.hikari.minimum-idle", "crystallize.artifacts.root-dir",
            "crystallize.security.bootstrap-token"};

        private final TestDatabase kind;
        private final Supplier<Path> artifactRoot = memoize(() -> {
            try {
                Path dir = Files.createTempDirectory("crystallize-artifacts-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        DatabaseProperties(TestDatabase kind, Supplier<TestDatabase.Connection> database) {
            super(SOURCE_NAME, database);
            this.kind = kind;
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.clone();
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> source.get().url();
                case "spring.datasource.username" -> kind.username();
                case "spring.datasource.password" -> "";
                // Cached contexts keep their pools open; idle connections add up on a shared server.
                case "spring.datasource.hikari.minimum-idle" -> "1";
                // Artifacts of a context go to a directory of its own, not the working directory's ./data.
                case "crystallize.artifacts.root-dir" -> artifactRoot.get().toString();
                // Every test talks to the server as its admin (support.Api sends this token by default).
                case "crystallize.security.bootstrap-token" -> Api.ADMIN_TOKEN;
                default -> null;
            };
        }
    }
}
