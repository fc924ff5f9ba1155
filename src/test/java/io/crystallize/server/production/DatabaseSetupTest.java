package io.crystallize.server.production;

import io.crystallize.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on the database the suite runs against (H2, or a real PostgreSQL), with every
 * migration applied and Hibernate's {@code ddl-auto=validate} satisfied by the mappings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseSetupTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;

    @Test
    void runsOnTheSuitesDatabaseWithAllMigrations() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String url = c.getMetaData().getURL();
            if (TestDatabase.current() == TestDatabase.POSTGRES) {
                assertThat(product).isEqualTo("PostgreSQL");
            } else {
                assertThat(product).isEqualTo("H2");
                assertThat(url).startsWith("jdbc:h2:mem:test-");
            }
        }
        assertThat(flyway.info().applied()).isNotEmpty().allMatch(m -> m.getState().isApplied() && !m.getState().isFailed());
        assertThat(flyway.info().pending()).isEmpty();
    }
}
