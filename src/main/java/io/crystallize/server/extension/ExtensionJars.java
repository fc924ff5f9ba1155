package io.crystallize.server.extension;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the extensions folder's jars on the application's class path at start: once the environment is known (so
 * {@code crystallize.extensions.dir} may come from any property source), a class loader over the jars, whose
 * parent is the application's, becomes the loader of the application context. Spring Boot then finds each jar's
 * auto-configuration as it finds its own; the jars see the service's classes (the SPI) through the parent.
 * This works the same under {@code ./mvnw spring-boot:run}, {@code java -jar} and a plain main class, unlike
 * Spring Boot's {@code PropertiesLauncher}, which serves the packaged jar only.
 */
public final class ExtensionJars implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ExtensionJars.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ExtensionProperties props = Binder.get(event.getEnvironment())
                .bindOrCreate("crystallize.extensions", ExtensionProperties.class);
        Path dir = Path.of(props.dir()).toAbsolutePath().normalize();
        List<Path> jars = jars(dir);
        if (jars.isEmpty()) {
            log.info("No extension jars in {}", dir);
            return;
        }
        ClassLoader parent = event.getSpringApplication().getClassLoader();
        URLClassLoader loader = new URLClassLoader("extensions", jars.stream().map(ExtensionJars::url).toArray(URL[]::new),
                parent);
        event.getSpringApplication().setResourceLoader(new DefaultResourceLoader(loader));
        // Libraries that look classes up through the thread (e.g. Jackson, Hibernate) see the extensions too.
        Thread.currentThread().setContextClassLoader(loader);
        log.info("Loaded {} extension jar(s) from {}: {}", jars.size(), dir,
                jars.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** The folder's {@code *.jar} files in name order (so the load order does not depend on the file system). */
    static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the extensions folder " + dir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After Spring Boot's logging set-up, so the lines above reach the log. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
