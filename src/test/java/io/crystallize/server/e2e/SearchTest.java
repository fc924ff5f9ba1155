package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags and name search on experiments, several statuses on runs (API.md "Cheap polling, deletion, search"). */
class SearchTest extends E2eTest {

    private String create(String name, Map<String, String> tags) {
        Map<String, Object> d = Definitions.minimal(name);
        d.put("tags", tags);
        return api.createExperiment(d);
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("content").forEach(e -> out.add(e.get("name").asString()));
        return out;
    }

    @Test
    void experimentsCarryTagsAndAreFoundByTagAndByAPartOfTheirName() {
        String marker = unique("srch").replace("-", "");
        String a = marker + "-alpha-Model";
        String b = marker + "-beta-model";
        String c = marker + "-gamma";
        String idA = create(a, Map.of("team", "vision", "stage", "prod"));
        create(b, Map.of("team", "vision", "stage", "dev"));
        create(c, Map.of("team", "nlp"));

        assertThat(api.get("/api/experiments/" + idA).json().get("tags").get("stage").asString()).isEqualTo("prod");
        assertThat(names(api.get("/api/experiments?tag=team:vision&size=100").json())).contains(a, b).doesNotContain(c);
        assertThat(names(api.get("/api/experiments?tag=team:vision&tag=stage:dev").json())).containsExactly(b);
        assertThat(names(api.get("/api/experiments?tag=stage&q=" + marker).json())).containsExactlyInAnyOrder(a, b);
        assertThat(names(api.get("/api/experiments?q=" + marker.toUpperCase() + "-%25").json())).isEmpty();
        assertThat(names(api.get("/api/experiments?q=" + marker + "&tag=team:nlp").json())).containsExactly(c);
        assertThat(names(api.get("/api/experiments?q=MODEL&tag=team:vision").json())).containsExactlyInAnyOrder(a, b);
        assertThat(api.get("/api/experiments?q=" + marker).json().get("totalElements").asInt()).isEqualTo(3);

        Api.Response bad = api.get("/api/experiments?tag=:x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("tag");
    }

    @Test
    void badTagsAreRejectedNamingTheTag() {
        Map<String, Object> d = Definitions.minimal(unique("badtag"));
        d.put("tags", Map.of("a:b", "x"));
        Api.Response r = api.post("/api/experiments", d);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("tags.a:b");
        d.put("tags", Map.of("ok", "x".repeat(201)));
        assertThat(api.post("/api/experiments", d).json().get("errors").get(0).get("field").asString()).isEqualTo("tags.ok");
    }

    @Test
    void runsAreFilteredBySeveralStatuses() {
        String experimentId = create(unique("statuses"), Map.of());
        String completed = api.startRun(experimentId, (String) null);
        api.awaitCompleted(completed, Duration.ofSeconds(60));
        String cancelled = api.startRun(experimentId, Map.of("replicates", 1));
        api.post("/api/runs/" + cancelled + "/cancel", null);
        api.awaitFinished(cancelled);
        String filter = "/api/runs?experimentId=" + experimentId + "&status=";

        JsonNode both = api.get(filter + "COMPLETED,CANCELLED").json();
        JsonNode one = api.get(filter + "COMPLETED").json();
        JsonNode active = api.get(filter + "RUNNING,QUEUED").json();
        JsonNode repeated = api.get("/api/runs?experimentId=" + experimentId + "&status=CANCELLED&status=COMPLETED").json();

        assertThat(both.get("totalElements").asInt()).isEqualTo(api.get(filter + "COMPLETED").json().get("totalElements").asInt()
                + api.get(filter + "CANCELLED").json().get("totalElements").asInt());
        assertThat(both.get("totalElements").asInt()).isEqualTo(2);
        assertThat(one.get("content").get(0).get("id").asString()).isEqualTo(completed);
        assertThat(active.get("totalElements").asInt()).isZero();
        assertThat(repeated.get("totalElements").asInt()).isEqualTo(2);
        Api.Response bad = api.get(filter + "RUNNING,DONE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }
}
