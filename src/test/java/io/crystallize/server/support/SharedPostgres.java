package io.crystallize.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, no Docker), started on first use and
 * stopped by its own shutdown hook. Every caller gets its own database on it, so Spring contexts and tests
 * stay isolated while paying for one server start.
 */
public final class SharedPostgres {

    private static volatile SharedPostgres instance;

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static SharedPostgres instance() {
        if (instance == null) {
            synchronized (SharedPostgres.class) {
                if (instance == null) {
                    instance = new SharedPostgres(start());
                }
            }
        }
        return instance;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A throwaway server: durability buys nothing here, speed does.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    // Every cached Spring context keeps its own pool open.
                    .setServerConfig("max_connections", "500");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Creates a new, empty database and returns how to reach it (user {@code postgres}, no password). */
    public TestDatabase.Connection newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new TestDatabase.Connection(server.getJdbcUrl("postgres", name), "postgres", "");
    }

    /** The server's maintenance database, for tests that inspect the server itself. */
    public DataSource postgresDatabase() {
        return server.getPostgresDatabase();
    }
}
