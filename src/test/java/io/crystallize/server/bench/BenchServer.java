package io.crystallize.server.bench;

import io.crystallize.server.CrystallizeServerApplication;
import io.crystallize.server.support.Api;
import io.crystallize.server.support.SharedPostgres;
import io.crystallize.server.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole service on a random port for a bench command, on an H2 file database in a temporary folder (the
 * embedded default, as a new user runs it) or on the tests' embedded PostgreSQL.
 */
final class BenchServer implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Api api;

    private BenchServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** {@code db} is {@code h2} or {@code postgres}; {@code extra} are more properties ({@code key=value}). */
    static BenchServer start(String db, String... extra) {
        Path dir;
        try {
            dir = Files.createTempDirectory("crystallize-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> props = new ArrayList<>(List.of("server.port=0", "logging.level.root=WARN",
                "crystallize.artifacts.root-dir=" + dir.resolve("artifacts"),
                "crystallize.limits.max-replicates=1000000", "crystallize.quotas.max-units-per-run=2000000",
                "crystallize.security.data-dir=" + dir.resolve("data"),
                "crystallize.security.bootstrap-token=" + Api.ADMIN_TOKEN));
        if (db.startsWith("postgres")) {
            TestDatabase.Connection c = SharedPostgres.instance().newDatabase();
            props.addAll(List.of("spring.datasource.url=" + c.url(), "spring.datasource.username=" + c.username(),
                    "spring.datasource.password=" + c.password()));
        } else {
            props.add("spring.datasource.url=jdbc:h2:file:" + dir.resolve("db")
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        }
        props.addAll(List.of(extra));
        System.setProperty(TestDatabase.PROPERTY, "off");
        // As arguments: they win over application.yml (builder properties would not).
        return new BenchServer(new SpringApplicationBuilder(CrystallizeServerApplication.class)
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    @Override
    public void close() {
        context.close();
    }
}
