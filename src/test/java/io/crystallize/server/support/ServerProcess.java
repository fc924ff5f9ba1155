package io.crystallize.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The real service in a child JVM (the test classpath, {@code CrystallizeServerApplication} as main class), so
 * tests can kill it with SIGKILL or stop it with SIGTERM and start it again on the same database. Its working
 * directory and log live in a directory of the test's choosing.
 */
public final class ServerProcess implements AutoCloseable {

    private static final String MAIN = "io.crystallize.server.CrystallizeServerApplication";
    private static final Pattern STARTED = Pattern.compile("Jetty started on port (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final Duration bootTime;

    private ServerProcess(String name, Process process, Path log, int port, Duration bootTime) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.bootTime = bootTime;
    }

    /**
     * Starts a node named {@code name} on {@code database} (PostgreSQL through the {@code postgres} profile and its
     * environment variables, as in production; H2 through the URL) and waits until it reports healthy.
     */
    public static ServerProcess start(Path dir, String name, TestDatabase.Connection database, String... args) {
        return start(dir, name, database, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
    }

    /** As {@link #start(Path, String, TestDatabase.Connection, String...)}, with the child JVM's own options. */
    public static ServerProcess start(Path dir, String name, TestDatabase.Connection database, List<String> jvmOptions,
                                      String... args) {
        long started = System.nanoTime();
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-D" + TestDatabase.PROPERTY + "=off",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                MAIN,
                "--server.port=0",
                "--crystallize.execution.node-name=" + name,
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder().directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (database.url().startsWith("jdbc:postgresql:")) {
            Map<String, String> env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("CRYSTALLIZE_DB_URL", database.url());
            env.put("CRYSTALLIZE_DB_USER", database.username());
            env.put("CRYSTALLIZE_DB_PASSWORD", database.password());
        } else {
            command.add("--spring.datasource.url=" + database.url());
            command.add("--spring.datasource.username=" + database.username());
            command.add("--spring.datasource.password=" + database.password());
        }
        if (List.of(args).stream().noneMatch(a -> a.startsWith("--crystallize.security.bootstrap-token="))) {
            // The admin token support.Api sends; pass --crystallize.security.bootstrap-token= to have one generated.
            command.add("--crystallize.security.bootstrap-token=" + Api.ADMIN_TOKEN);
        }
        command.addAll(List.of(args));
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = builder.command(command).start();
            try {
                int port = awaitPort(process, log, logStart);
                Api api = new Api(URI.create("http://localhost:" + port));
                await(name + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> alive(process, log) && api.isHealthy());
                return new ServerProcess(name, process, log, port, Duration.ofNanos(System.nanoTime() - started));
            } catch (RuntimeException | Error notStarted) {
                process.destroyForcibly(); // a node that never became healthy must not outlive the test
                throw notStarted;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port Jetty reports in this start's part of the log (the log is appended to across restarts). */
    private static int awaitPort(Process process, Path log, long logStart) {
        // Generous: on a loaded machine (many builds on two cores) a cold child JVM has taken over 3 minutes to boot.
        return await("port in " + log).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    alive(process, log);
                    String text = Files.exists(log) ? Files.readString(log).substring((int) logStart) : "";
                    Matcher m = STARTED.matcher(text);
                    return m.find() ? Integer.parseInt(m.group(1)) : 0;
                }, port -> port > 0);
    }

    private static boolean alive(Process process, Path log) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail(log));
        }
        return true;
    }

    /** The last lines of the node's log, for failure messages. */
    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public Api api() {
        return new Api(URI.create("http://localhost:" + port));
    }

    public String name() {
        return name;
    }

    /** The child JVM's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** From launch until healthy. */
    public Duration bootTime() {
        return bootTime;
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** SIGTERM: the graceful shutdown a container platform does; returns how long the node took to exit. */
    public Duration terminate(Duration atMost) {
        long started = System.nanoTime();
        process.destroy();
        waitForExit(atMost);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public int exitValue() {
        return process.exitValue();
    }

    private void waitForExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not exit within " + atMost);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }
}
