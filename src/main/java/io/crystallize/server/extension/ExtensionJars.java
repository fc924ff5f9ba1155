package io.crystallize.server.extension;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

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
 * Loads the extensions folder's jars at start: once the environment is known (so {@code crystallize.extensions.dir}
 * may come from any property source), a class loader over the jars, whose parent is the application's, loads the
 * auto-configuration classes each jar lists in its own
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, and they join the
 * application's configuration sources; the jars see the service's classes (the SPI) through the parent.
 * The application keeps its own class loader: making the extension loader the context's would break JDK proxies
 * of package-private interfaces (e.g. Spring Data repositories). This works the same under
 * {@code ./mvnw spring-boot:run}, {@code java -jar} and a plain main class, unlike Spring Boot's
 * {@code PropertiesLauncher}, which serves the packaged jar only.
 */
public final class ExtensionJars implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

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
        List<Class<?>> configurations = configurations(loader);
        event.getSpringApplication().addPrimarySources(configurations);
        log.info("Loaded {} extension jar(s) from {}: {}; configurations {}", jars.size(), dir,
                jars.stream().map(p -> p.getFileName().toString()).toList(),
                configurations.stream().map(Class::getName).toList());
    }

    /** The classes the jars' own imports files list (not the application's: {@code findResources} skips the parent). */
    private static List<Class<?>> configurations(URLClassLoader loader) {
        List<Class<?>> out = new java.util.ArrayList<>();
        try {
            for (URL imports : java.util.Collections.list(loader.findResources(IMPORTS))) {
                try (var in = imports.openStream()) {
                    for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (!name.isEmpty()) {
                            out.add(Class.forName(name, false, loader));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an extension's " + IMPORTS, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an extension lists a class it does not contain: " + e.getMessage(), e);
        }
        return out;
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
