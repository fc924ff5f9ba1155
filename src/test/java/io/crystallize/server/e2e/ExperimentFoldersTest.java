package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An experiment's artifact folder ({@code <rootDir>/<name>}) is its own (issue 11): a folder that lies inside,
 * contains or is another stored experiment's — in any workspace — is a 409 naming the field, stores nothing and
 * does not name the other experiment; path components are compared, not strings; deleting frees the folder; of two
 * concurrent creates of overlapping folders exactly one succeeds.
 */
class ExperimentFoldersTest extends E2eTest {

    /** Inside {@code java.io.tmpdir}, one of the default allowed roots. */
    private static final Path ROOTS = temporaryFolder();

    @Autowired
    JdbcTemplate jdbc;

    @Value("${crystallize.artifacts.root-dir}")
    String defaultRoot;

    private static Map<String, Object> definition(String name, String rootDir) {
        Map<String, Object> d = Definitions.minimal(name);
        if (rootDir != null) {
            d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 1)),
                    Map.of("type", "artifacts", "params", Map.of("rootDir", rootDir))));
        }
        return d;
    }

    private static String root(String label) {
        return ROOTS.resolve(unique(label)).toString();
    }

    /** A 409 naming the field, and nothing stored under the refused name. */
    private Api.Response assertRefused(Api client, Map<String, Object> definition, String field) {
        long before = api.experimentCount();
        Api.Response r = client.post("/api/experiments", definition);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("detail").asString()).contains("another experiment");
        assertThat(api.experimentCount()).isEqualTo(before);
        assertThat(api.get("/api/experiments?name=" + definition.get("name")).json().get("totalElements").asLong())
                .isZero();
        return r;
    }

    @Test
    void aRootDirInsideAnotherExperimentsFolderIsRefused() {
        String root = root("inside");
        String a = unique("a");
        api.createExperiment(definition(a, root));

        assertRefused(api, definition(unique("b"), root + "/" + a), "plugins[1].params.rootDir");
        assertRefused(api, definition(unique("b"), root + "/" + a + "/deeper/still"), "plugins[1].params.rootDir");
        // Spelled differently, the same real folder.
        assertRefused(api, definition(unique("b"), root + "/./other/../" + a), "plugins[1].params.rootDir");
    }

    @Test
    void aFolderContainingAnotherExperimentsFolderIsRefused() {
        String root = root("contains");
        String parent = unique("parent");
        api.createExperiment(definition(unique("a"), root + "/" + parent + "/nested"));

        // <root>/<parent> is the folder of an experiment named <parent> in <root>.
        assertRefused(api, definition(parent, root), "plugins[1].params.rootDir");
        // Without a rootDir of its own, the name decides: the default root holding <outer>/a's folder.
        String outer = unique("outer");
        api.createExperiment(definition(unique("a"), defaultRoot + "/" + outer));
        assertRefused(api, definition(outer, null), "name");
    }

    @Test
    void theSameFolderIsRefused() throws IOException {
        String root = root("same");
        String a = unique("a");
        api.createExperiment(definition(a, root));
        Files.createDirectories(Path.of(root));
        Path link = ROOTS.resolve(unique("link"));
        Files.createSymbolicLink(link, Path.of(root));

        // Names are unique, so the same folder is the same name: a 409 on the name before the folder is looked at.
        Api.Response r = api.post("/api/experiments", definition(a, link.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(api.get("/api/experiments?name=" + a).json().get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void foldersThatShareOnlyAPrefixOfTheirNamesAreBothAllowed() {
        String root = root("prefix");
        api.createExperiment(definition("a" + suffix(root), root));
        // <root>/ab… beside <root>/a…: a string prefix, not a path-component one.
        api.createExperiment(definition("ab" + suffix(root), root));
        api.createExperiment(definition(unique("c"), root + "/a" + suffix(root) + "b"));
        api.createExperiment(definition(unique("d"), root + "x"));
        assertThat(api.get("/api/experiments?q=" + suffix(root)).json().get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void foldersClashAcrossWorkspacesWithoutNamingTheOtherExperiment() {
        Api.User owner = api.createUser(unique("owner"));
        Api.User other = api.createUser(unique("other"));
        String root = root("workspaces");
        String secret = unique("secret");
        String id = owner.api().createExperiment(definition(secret, root + "/shared"));

        Map<String, Object> inside = definition(unique("b"), root + "/shared/" + secret);
        Api.Response r = assertRefused(other.api(), inside, "plugins[1].params.rootDir");
        Api.Response c = assertRefused(other.api(), definition("shared", root), "plugins[1].params.rootDir");
        for (Api.Response answer : List.of(r, c)) {
            assertThat(answer.body()).doesNotContain(id, owner.workspace(), owner.name());
        }
        assertThat(c.body()).doesNotContain(secret);
        assertThat(other.api().get("/api/experiments/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletingAnExperimentFreesItsFolder() {
        String root = root("freed");
        String a = unique("a");
        String id = api.createExperiment(definition(a, root));
        Map<String, Object> inside = definition(unique("b"), root + "/" + a);
        assertRefused(api, inside, "plugins[1].params.rootDir");

        assertThat(api.delete("/api/experiments/" + id).status()).isEqualTo(204);

        Api.Response r = api.post("/api/experiments", inside);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // And now the other way round: the old name's folder would contain the new one's.
        assertRefused(api, definition(a, root), "plugins[1].params.rootDir");
    }

    @Test
    void experimentsStoredBeforeTheFolderTableAreClaimedByTheNextCreate() {
        String root = root("legacy");
        String a = unique("a");
        String id = api.createExperiment(definition(a, root));
        // As an experiment stored before migration V19: no claim of its own.
        jdbc.update("delete from experiment_folder where experiment_id = cast(? as uuid)", id);

        assertRefused(api, definition(unique("b"), root + "/" + a), "plugins[1].params.rootDir");
        // The refused create rolled its claims back too; the next one that is stored keeps them.
        api.createExperiment(definition(unique("c"), root));
        assertThat(jdbc.queryForObject("select count(*) from experiment_folder where experiment_id = cast(? as uuid)",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentCreatesOfOverlappingFoldersExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String root = root("race");
                String a = unique("a");
                List<Map<String, Object>> pair = List.of(definition(a, root), definition(unique("b"), root + "/" + a));
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
                for (Map<String, Object> d : pair) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return api.post("/api/experiments", d);
                    }, pool));
                }
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<Api.Response> answer : answers) {
                    Api.Response r = answer.get();
                    assertThat(r.status()).as(r.body()).isIn(201, 409);
                    statuses.add(r.status());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
                long stored = 0;
                for (Map<String, Object> d : pair) {
                    JsonNode page = api.get("/api/experiments?name=" + d.get("name")).json();
                    stored += page.get("totalElements").asLong();
                }
                assertThat(stored).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The unique part of a folder made by {@link #root}, reused as a name suffix. */
    private static String suffix(String root) {
        return root.substring(root.lastIndexOf('-'));
    }

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("crystallize-folders-").toRealPath();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
