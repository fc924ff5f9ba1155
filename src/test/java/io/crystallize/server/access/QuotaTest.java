package io.crystallize.server.access;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.crystallize.server.access.AccessFixtures.in;
import static io.crystallize.server.access.AccessFixtures.slow;
import static io.crystallize.server.access.AccessFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Quotas and the submission rate limit: 429 problems with Retry-After (and RateLimit-*), nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.quotas.max-active-runs=2", "crystallize.quotas.max-units-per-run=20",
        "crystallize.quotas.submissions-per-minute=3", "crystallize.quotas.active-runs-retry-after=15s"})
class QuotaTest {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void client() {
        admin = new Api(port);
    }

    private long runsOf(Api api, String experimentId) {
        return api.get("/api/runs?experimentId=" + experimentId).json().path("totalElements").asLong();
    }

    private void cancelAll(Api api, List<String> runIds) {
        runIds.forEach(id -> api.post("/api/runs/" + id + "/cancel", (Object) null));
        runIds.forEach(api::awaitFinished);
    }

    @Test
    void pastMaxActiveRunsASubmissionIs429WithRetryAfterAndStoresNothing() {
        Api.User user = admin.createUser(unique("busy"));
        String experimentId = user.api().createExperiment(slow(unique("slow"), 10, 2_000));
        List<String> runs = new ArrayList<>(List.of(user.api().startRun(experimentId, (String) null),
                user.api().startRun(experimentId, (String) null)));

        Api.Response refused = user.api().post("/api/experiments/" + experimentId + "/runs", (Object) null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("15");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("active runs");
        assertThat(runsOf(user.api(), experimentId)).isEqualTo(2);
        cancelAll(user.api(), runs);
    }

    @Test
    void aRunWithMoreUnitsThanAllowedIs429AndStoresNothing() {
        Api.User user = admin.createUser(unique("big"));
        String experimentId = user.api().createExperiment(slow(unique("wide"), 1, 0));
        Api.Response refused = user.api().post("/api/experiments/" + experimentId + "/runs", Map.of("replicates", 21));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.json().path("detail").asString()).contains("21 units");
        assertThat(runsOf(user.api(), experimentId)).isZero();
    }

    @Test
    void pastTheSubmissionRateA429CarriesRateLimitHeadersAndStoresNothing() {
        Api.User user = admin.createUser(unique("eager"));
        String shared = user.api().createWorkspace(unique("second"));
        String mine = user.api().createExperiment(slow(unique("a"), 10, 2_000));
        String theirs = user.api().createExperiment(in(shared, slow(unique("b"), 10, 2_000)));
        List<String> runs = new ArrayList<>();
        // Three a minute: one token every 20 s, far longer than these requests take.
        for (int i = 0; i < 3; i++) {
            Api.Response accepted = user.api().post("/api/experiments/" + (i < 2 ? mine : theirs) + "/runs", (Object) null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(accepted.header("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
            runs.add(accepted.json().path("id").asString());
        }
        Api.Response refused = user.api().post("/api/experiments/" + theirs + "/runs", (Object) null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(refused.json().path("detail").asString()).contains("3 submissions per minute");
        assertThat(runsOf(user.api(), theirs)).isEqualTo(1);
        cancelAll(user.api(), runs);

        Api.User other = admin.createUser(unique("calm"));
        String own = other.api().createExperiment(slow(unique("c"), 1, 0));
        assertThat(other.api().post("/api/experiments/" + own + "/runs", (Object) null).status())
                .as("buckets are per user").isEqualTo(202);
    }
}
