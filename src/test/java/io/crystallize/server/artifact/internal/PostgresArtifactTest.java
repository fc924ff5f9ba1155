package io.crystallize.server.artifact.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.artifact.internal.ArtifactLayoutTest.files;
import static io.crystallize.server.artifact.internal.Definitions.bigAndSmall;
import static io.crystallize.server.artifact.internal.Definitions.experiment;
import static io.crystallize.server.artifact.internal.Definitions.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The artifact flow on PostgreSQL (an embedded server, no Docker): the V2 migration, the record queries
 * (superseding, pruning, totals) and the download, as on H2.
 */
class PostgresArtifactTest extends ServiceTest {

    static final EmbeddedPostgres POSTGRES = start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void retentionPrunesFilesAndRecords() throws Exception {
        String name = unique("pg-retention");
        String id = http.createExperiment(bigAndSmall(name, Map.of("versioned", true, "artifactRetention", 1,
                "bigFileThresholdMb", 1)));
        JsonNode first = http.runCompleted(id);
        http.runCompleted(id);
        JsonNode last = http.runCompleted(id);
        Path folder = ROOT.resolve(name);
        assertThat(files(folder.resolve("v0"))).containsExactlyInAnyOrderElementsOf(RetentionTest.RESULTS_ONLY);
        assertThat(files(folder.resolve("v2"))).containsExactlyInAnyOrderElementsOf(RetentionTest.COMPLETE);
        for (JsonNode a : http.get("/api/runs/" + first.get("id").asString() + "/artifacts").json()) {
            assertThat(a.get("state").asString()).isEqualTo("PRUNED");
            assertThat(http.get(a.get("downloadUrl").asString()).status()).isEqualTo(410);
        }
        JsonNode big = http.get("/api/runs/" + last.get("id").asString() + "/artifacts").json().get(0);
        assertThat(big.get("name").asString()).isEqualTo("big.bin");
        Http.Response range = http.get(big.get("downloadUrl").asString(), "Range", "bytes=0-9");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.bytes()).isEqualTo(java.util.Arrays.copyOf(BytesArtifactStep.content(10, 0), 10));
    }

    @Test
    void aNonVersionedRunSupersedesTheEarlierRecords() {
        String id = http.createExperiment(experiment(unique("pg-replace"),
                List.of(step("artifact.json", Map.of())), List.of(), 1, Map.of()));
        JsonNode first = http.runCompleted(id);
        JsonNode second = http.runCompleted(id);
        JsonNode old = http.get("/api/runs/" + first.get("id").asString() + "/artifacts").json().get(0);
        assertThat(old.get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(http.get(old.get("downloadUrl").asString()).status()).isEqualTo(410);
        JsonNode current = http.get("/api/runs/" + second.get("id").asString() + "/artifacts").json().get(0);
        assertThat(http.get(current.get("downloadUrl").asString()).status()).isEqualTo(200);
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the server's folder is temporary.
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
