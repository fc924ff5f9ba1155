package io.crystallize.server.support;

import java.util.Locale;
import java.util.UUID;

/**
 * The database the test JVM runs against, chosen by the system property {@code crystallize.test.db}:
 * {@code h2} (the default), {@code postgres} (one embedded PostgreSQL per JVM, see {@link SharedPostgres}) or
 * {@code off} (leave the datasource alone, e.g. in a child JVM started by a test). The build runs the whole
 * suite once with {@code h2} and once with {@code postgres} (two surefire executions in pom.xml).
 */
public enum TestDatabase {

    H2, POSTGRES, OFF;

    public static final String PROPERTY = "crystallize.test.db";

    public static TestDatabase current() {
        return switch (System.getProperty(PROPERTY, "h2").trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> POSTGRES;
            case "off", "none" -> OFF;
            default -> H2;
        };
    }

    /** The user every database of this kind is reached as (no password). */
    public String username() {
        return this == POSTGRES ? "postgres" : "sa";
    }

    /** A fresh, empty database of this kind, isolated from every other one in the JVM. */
    public Connection newDatabase() {
        return switch (this) {
            case POSTGRES -> SharedPostgres.instance().newDatabase();
            case H2 -> new Connection("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            case OFF -> throw new IllegalStateException("no test database (" + PROPERTY + "=off)");
        };
    }

    /** What a datasource needs to reach one database. */
    public record Connection(String url, String username, String password) {
    }
}
