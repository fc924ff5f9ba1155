package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks belong to a workspace (API.md "Events and webhooks"): registering needs write access to it, only its
 * members see the webhook and its deliveries, and it hears only of its workspace's runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.webhooks.allowed-hosts=127.0.0.1", "crystallize.webhooks.retry-delays=200ms"})
class WebhookWorkspacesTest {

    @LocalServerPort
    int port;
    Receiver receiver;
    Api.User owner;
    Api.User viewer;
    Api.User stranger;
    String lab;

    @BeforeEach
    void setUp() {
        receiver = new Receiver();
        Api admin = new Api(port);
        owner = admin.createUser(unique("owner"));
        viewer = admin.createUser(unique("viewer"));
        stranger = admin.createUser(unique("stranger"));
        lab = owner.api().createWorkspace(unique("lab"));
        owner.api().addMember(lab, viewer.id(), "VIEWER");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void registrationNeedsWriteAccessToTheNamedWorkspace() {
        Api.Response created = owner.api().post("/api/webhooks", hook(lab));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("workspace").asString()).isEqualTo(lab);

        Api.Response personal = owner.api().post("/api/webhooks", hook(null));
        assertThat(personal.status()).as(personal.body()).isEqualTo(201);
        assertThat(personal.json().path("workspace").asString()).isEqualTo(owner.workspace());

        assertThat(viewer.api().post("/api/webhooks", hook(lab)).status()).isEqualTo(403);
        Api.Response byStranger = stranger.api().post("/api/webhooks", hook(lab));
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.json().path("detail").asString()).contains("workspace");
        Api.Response unknown = owner.api().post("/api/webhooks", hook(UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asString()).contains("workspace");
        Api.Response malformed = owner.api().post("/api/webhooks", hook("lab"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("workspace");
        assertThat(owner.api().get("/api/webhooks").json()).extracting(w -> w.path("id").asString())
                .containsExactlyInAnyOrder(created.json().path("id").asString(), personal.json().path("id").asString());
    }

    @Test
    void onlyTheWorkspacesMembersSeeAWebhookAndOnlyEditorsRemoveIt() {
        String id = owner.api().post("/api/webhooks", hook(lab)).json().path("id").asString();

        for (String path : List.of("/api/webhooks/" + id, "/api/webhooks/" + id + "/deliveries")) {
            assertThat(stranger.api().get(path).status()).as(path).isEqualTo(404);
            assertThat(viewer.api().get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(stranger.api().get("/api/webhooks").body()).doesNotContain(id);
        assertThat(viewer.api().get("/api/webhooks").body()).contains(id);
        assertThat(viewer.api().get("/api/webhooks/" + id).json().path("workspace").asString()).isEqualTo(lab);

        assertThat(stranger.api().delete("/api/webhooks/" + id).status()).isEqualTo(404);
        assertThat(viewer.api().delete("/api/webhooks/" + id).status()).isEqualTo(403);
        assertThat(owner.api().get("/api/webhooks/" + id).status()).isEqualTo(200);
        assertThat(owner.api().delete("/api/webhooks/" + id).status()).isEqualTo(204);
        assertThat(owner.api().get("/api/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void aWebhookHearsOnlyOfItsWorkspacesRuns() throws Exception {
        JsonNode hook = owner.api().post("/api/webhooks", hook(lab)).json();
        String elsewhere = stranger.api().startRun(stranger.api().createExperiment(
                Experiments.sleeping(unique("elsewhere"), 1, 0)), null);
        stranger.api().awaitCompleted(elsewhere, Duration.ofSeconds(60));
        Map<String, Object> definition = new HashMap<>(Experiments.sleeping(unique("in-lab"), 1, 0));
        definition.put("workspace", lab);
        String inLab = owner.api().startRun(owner.api().createExperiment(definition), null);
        owner.api().awaitCompleted(inLab, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("run.completed").size() == 1);
        Receiver.Delivery d = receiver.received("run.completed").get(0);
        assertThat(Api.JSON.readTree(d.body()).path("data").path("id").asString()).isEqualTo(inLab);
        assertThat(StandardWebhooks.verify(hook.path("secret").asString(), d.header("webhook-id"),
                d.header("webhook-timestamp"), d.body(), d.header("webhook-signature"))).isTrue();
        // Deliveries are stored with the status change, so the other run's would be in the log by now.
        JsonNode log = owner.api().get("/api/webhooks/" + hook.path("id").asString() + "/deliveries").json();
        assertThat(log).extracting(e -> e.path("runId").asString()).containsExactly(inLab);
    }

    private Map<String, Object> hook(String workspace) {
        Map<String, Object> body = new HashMap<>(Map.of("url", receiver.url(), "events", List.of("run.completed")));
        if (workspace != null) {
            body.put("workspace", workspace);
        }
        return body;
    }
}
