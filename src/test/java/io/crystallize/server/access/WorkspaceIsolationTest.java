package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.access.AccessFixtures.experiment;
import static io.crystallize.server.access.AccessFixtures.in;
import static io.crystallize.server.access.AccessFixtures.slow;
import static io.crystallize.server.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two users in two workspaces see nothing of each other's (404, absent from lists); a shared workspace gives its
 * viewer reads and 403 on writes; admins see everything; runs record who submitted and who cancelled them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceIsolationTest {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void client() {
        admin = new Api(port);
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("content").forEach(e -> out.add(e.path("id").asString()));
        return out;
    }

    @Test
    void neitherUserSeesNorDownloadsTheOthersThings() {
        Api.User alice = admin.createUser(unique("alice"));
        Api.User bob = admin.createUser(unique("bob"));
        String name = unique("hers");
        String experimentId = alice.api().createExperiment(experiment(name));
        String runId = alice.api().startRun(experimentId, (String) null);
        alice.api().awaitCompleted(runId, Duration.ofSeconds(60));
        JsonNode artifacts = alice.api().get("/api/runs/" + runId + "/artifacts").json();
        assertThat(artifacts).isNotEmpty();
        String download = artifacts.get(0).path("downloadUrl").asString();

        assertThat(alice.api().get("/api/experiments/" + experimentId).json().path("workspace").asString())
                .isEqualTo(alice.workspace());
        List<String> paths = List.of("/api/experiments/" + experimentId, "/api/runs/" + runId,
                "/api/runs/" + runId + "/results", "/api/runs/" + runId + "/results.csv", "/api/runs/" + runId + "/units",
                "/api/runs/" + runId + "/seeds", "/api/runs/" + runId + "/logs", "/api/runs/" + runId + "/artifacts",
                download);
        for (String path : paths) {
            assertThat(alice.api().get(path).status()).as(path).isEqualTo(200);
            Api.Response hidden = bob.api().get(path);
            assertThat(hidden.status()).as(path).isEqualTo(404);
            assertThat(hidden.body()).as(path).doesNotContain(alice.workspace());
            assertThat(admin.get(path).status()).as("admin " + path).isEqualTo(200);
        }
        assertThat(bob.api().post("/api/experiments/" + experimentId + "/runs", (Object) null).status()).isEqualTo(404);
        assertThat(bob.api().post("/api/runs/" + runId + "/cancel", (Object) null).status()).isEqualTo(404);
        assertThat(bob.api().post("/api/experiments", in(alice.workspace(), experiment(unique("intruder")))).status())
                .isEqualTo(404);

        assertThat(ids(bob.api().get("/api/experiments?size=100").json())).doesNotContain(experimentId);
        assertThat(ids(bob.api().get("/api/runs?size=100").json())).doesNotContain(runId);
        assertThat(bob.api().get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asLong()).isZero();
        assertThat(ids(alice.api().get("/api/experiments?size=100").json())).containsExactly(experimentId);
        assertThat(ids(alice.api().get("/api/runs?size=100").json())).containsExactly(runId);
        assertThat(ids(admin.get("/api/experiments?name=" + name).json())).containsExactly(experimentId);
        assertThat(ids(bob.api().get("/api/experiments?name=" + name).json())).isEmpty();
    }

    @Test
    void aSharedWorkspaceGivesItsViewerReadsAndRefusesItsWrites() {
        Api.User owner = admin.createUser(unique("olga"));
        Api.User viewer = admin.createUser(unique("victor"));
        Api.User editor = admin.createUser(unique("edna"));
        String shared = owner.api().createWorkspace(unique("team"));
        owner.api().addMember(shared, viewer.id(), "VIEWER");
        owner.api().addMember(shared, editor.id(), "EDITOR");

        String experimentId = editor.api().createExperiment(in(shared, experiment(unique("shared"))));
        String runId = editor.api().startRun(experimentId, (String) null);
        owner.api().awaitCompleted(runId, Duration.ofSeconds(60));

        assertThat(viewer.api().get("/api/experiments/" + experimentId).status()).isEqualTo(200);
        assertThat(viewer.api().get("/api/runs/" + runId + "/results").status()).isEqualTo(200);
        assertThat(ids(viewer.api().get("/api/experiments?size=100").json())).contains(experimentId);
        assertThat(viewer.api().get("/api/me").json().path("workspaces").toString()).contains(shared).contains("VIEWER");

        Api.Response write = viewer.api().post("/api/experiments/" + experimentId + "/runs", (Object) null);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viewer.api().post("/api/runs/" + runId + "/cancel", (Object) null).status()).isEqualTo(403);
        assertThat(viewer.api().post("/api/experiments", in(shared, experiment(unique("nope")))).status()).isEqualTo(403);
        assertThat(editor.api().put("/api/workspaces/" + shared + "/members/" + viewer.id(), Map.of("role", "OWNER"))
                .status()).isEqualTo(403);
        assertThat(owner.api().get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asLong())
                .isEqualTo(1);

        assertThat(owner.api().delete("/api/workspaces/" + shared + "/members/" + viewer.id()).status()).isEqualTo(204);
        assertThat(viewer.api().get("/api/experiments/" + experimentId).status()).isEqualTo(404);
        assertThat(owner.api().delete("/api/workspaces/" + shared + "/members/" + owner.id()).status()).isEqualTo(409);
    }

    @Test
    void aRunRecordsWhoSubmittedAndWhoCancelledIt() {
        Api.User owner = admin.createUser(unique("rita"));
        Api.User editor = admin.createUser(unique("sam"));
        String shared = owner.api().createWorkspace(unique("pair"));
        owner.api().addMember(shared, editor.id(), "EDITOR");
        String experimentId = owner.api().createExperiment(in(shared, slow(unique("long"), 50, 200)));
        String runId = owner.api().startRun(experimentId, (String) null);

        assertThat(editor.api().post("/api/runs/" + runId + "/cancel", (Object) null).status()).isEqualTo(202);
        JsonNode run = owner.api().awaitFinished(runId);
        assertThat(run.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(run.path("createdBy").asString()).isEqualTo(owner.id());
        assertThat(run.path("cancelledBy").asString()).isEqualTo(editor.id());
    }
}
