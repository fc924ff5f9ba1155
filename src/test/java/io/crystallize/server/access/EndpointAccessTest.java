package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crystallize.server.access.AccessFixtures.experiment;
import static io.crystallize.server.access.AccessFixtures.in;
import static io.crystallize.server.access.AccessFixtures.unique;
import static io.crystallize.server.access.EndpointRules.Rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler mapping of the application, checked against its rule in {@link EndpointRules}: anonymous → 401, a
 * user of another workspace → 404 (or left out of lists), a viewer's write → 403. A mapping without a rule fails
 * the test, so a new endpoint cannot be added without saying who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crystallize.webhooks.allowed-hosts=localhost")
class EndpointAccessTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Api admin;
    Api.User owner;
    Api.User viewer;
    Api.User stranger;
    String workspace;
    String experimentId;
    String runId;
    String artifactId;
    String tokenId;
    String optimizationId;
    String webhookId;

    @BeforeEach
    void fixtures() {
        admin = new Api(port);
        owner = admin.createUser(unique("owner"));
        viewer = admin.createUser(unique("viewer"));
        stranger = admin.createUser(unique("stranger"));
        workspace = owner.api().createWorkspace(unique("lab"));
        owner.api().addMember(workspace, viewer.id(), "VIEWER");
        experimentId = owner.api().createExperiment(in(workspace, experiment(unique("guarded"))));
        runId = owner.api().startRun(experimentId, (String) null);
        owner.api().awaitCompleted(runId, Duration.ofSeconds(60));
        artifactId = owner.api().get("/api/runs/" + runId + "/artifacts").json().get(0).path("id").asString();
        tokenId = owner.api().get("/api/users/" + owner.id() + "/tokens").json().get(0).path("id").asString();
        Api.Response hook = owner.api().post("/api/webhooks", EndpointRules.webhook(workspace));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        webhookId = hook.json().path("id").asString();
        // Ask/tell only (no trials of the service's own): nothing runs in the background.
        optimizationId = owner.api().post("/api/experiments/" + experimentId + "/optimizations",
                EndpointRules.body("POST /api/experiments/{id}/optimizations", workspace)).json().path("id").asString();
    }

    /** "METHOD pattern" of every handler method the application maps. */
    private Set<String> mappings() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        out.add("ANY " + pattern);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + pattern));
                }
            }
        }
        return out;
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> mapped = mappings();
        assertThat(EndpointRules.RULES.keySet())
                .as("every handler mapping needs a rule in EndpointRules (who may call it); missing or stale")
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everyEndpointKeepsOutWhoItMust() {
        for (String endpoint : mappings()) {
            Rule rule = EndpointRules.RULES.get(endpoint);
            assertThat(rule).as("rule of " + endpoint).isNotNull();
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = path(endpoint.substring(endpoint.indexOf(' ') + 1));
            Object body = EndpointRules.body(endpoint, workspace);
            String call = method.equals("ANY") ? "GET" : method;
            if (rule == Rule.PUBLIC) {
                assertThat(admin.anonymous().request(call, path, body).status()).as("anonymous " + endpoint)
                        .isNotEqualTo(401);
                continue;
            }
            Api.Response anonymous = admin.anonymous().request(call, path, body);
            assertThat(anonymous.status()).as("anonymous " + endpoint).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as("anonymous " + endpoint).startsWith("Bearer");
            Api.Response byStranger = stranger.api().request(call, path, body);
            switch (rule) {
                case READ -> {
                    assertThat(byStranger.status()).as("stranger " + endpoint).isEqualTo(404);
                    assertThat(viewer.api().request(call, path, body).status() / 100).as("viewer " + endpoint).isEqualTo(2);
                }
                case WRITE -> {
                    assertThat(byStranger.status()).as("stranger " + endpoint).isEqualTo(404);
                    assertThat(viewer.api().request(call, path, body).status()).as("viewer " + endpoint).isEqualTo(403);
                }
                case LIST -> {
                    String listed = endpoint.equals("GET /api/webhooks") ? webhookId : experimentId;
                    assertThat(byStranger.status()).as("stranger " + endpoint).isEqualTo(200);
                    assertThat(byStranger.body()).as("stranger " + endpoint).doesNotContain(experimentId)
                            .doesNotContain(runId).doesNotContain(webhookId);
                    assertThat(viewer.api().request(call, path, body).body()).as("viewer " + endpoint).contains(listed);
                }
                case SELF -> assertThat(byStranger.status()).as("stranger " + endpoint).isEqualTo(404);
                case ADMIN -> assertThat(byStranger.status()).as("stranger " + endpoint).isEqualTo(403);
                case AUTHENTICATED -> assertThat(byStranger.status() / 100).as("stranger " + endpoint).isEqualTo(2);
                default -> throw new AssertionError(rule);
            }
        }
    }

    /** The pattern with each variable replaced by the id of the fixture it names. */
    private String path(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(value(before, m.group(1), pattern)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String before, String variable, String pattern) {
        Map<String, String> byPrefix = Map.ofEntries(Map.entry("/api/experiments/", experimentId),
                Map.entry("/api/runs/", runId), Map.entry("/api/artifacts/", artifactId),
                Map.entry("/api/workspaces/", workspace), Map.entry("/api/users/", owner.id()),
                Map.entry("/api/tokens/", tokenId), Map.entry("/api/webhooks/", webhookId),
                Map.entry("/api/catalog/remote/", "example.none"), Map.entry("/problems/", "validation"),
                Map.entry("/experiments/", experimentId), Map.entry("/runs/", runId),
                Map.entry("/api/optimizations/", optimizationId));
        if (variable.equals("userId") && before.startsWith("/api/workspaces/")) {
            return viewer.id();
        }
        return byPrefix.entrySet().stream().filter(e -> before.equals(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture for {" + variable + "} in " + pattern
                        + ": add one to EndpointAccessTest"));
    }
}
