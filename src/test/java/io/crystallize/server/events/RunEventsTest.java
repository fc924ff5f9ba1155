package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.EventStream;
import io.crystallize.server.support.EventStream.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/runs/{id}/events} over real HTTP: a client subscribed while the run is still queued (one
 * scheduler thread, busy with another run) sees it start, progress and finish; {@code Last-Event-ID} resumes
 * without replaying; failures stream as {@code unit-failed}; a finished run says {@code finished} at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "db-scheduler.threads=1")
class RunEventsTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aSubscriberBeforeTheStartSeesStatusGrowingProgressAndFinishedThenTheStreamEnds() {
        String blocker = api.startRun(api.createExperiment(Experiments.sleeping(unique("blocker"), 1, 1500)), null);
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("sse-200"), 100, 15)), null);
        assertThat(api.run(runId).path("status").asString()).isEqualTo("QUEUED");

        try (EventStream full = api.stream("/api/runs/" + runId + "/events", Map.of()).read();
             EventStream early = api.stream("/api/runs/" + runId + "/events", Map.of()).read()) {
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(60)).until(() -> progress(early.events()).size() >= 3);
            early.close();
            String lastSeen = early.events().get(early.events().size() - 1).id();

            await().atMost(Duration.ofSeconds(90)).until(full::ended);
            List<Event> events = full.events();
            assertThat(events.get(0).name()).isEqualTo("status");
            assertThat(events.get(0).json().path("status").asString()).isEqualTo("QUEUED");
            assertThat(statuses(events)).containsExactly("QUEUED", "RUNNING", "COMPLETED");
            List<Long> completed = progress(events).stream().map(e -> e.json().path("completedUnits").asLong()).toList();
            assertThat(completed).as("progress counts").hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
            assertThat(completed.get(completed.size() - 1)).isEqualTo(200);
            Event last = events.get(events.size() - 1);
            assertThat(last.name()).isEqualTo("finished");
            assertThat(last.json().path("status").asString()).isEqualTo("COMPLETED");
            assertThat(last.json().path("progress").path("completedUnits").asLong()).isEqualTo(200);
            assertThat(ids(events)).as("ids grow").isSorted().doesNotHaveDuplicates();

            // Reconnecting after what the early stream saw replays none of it.
            try (EventStream resumed = api.stream("/api/runs/" + runId + "/events", Map.of("Last-Event-ID", lastSeen)).read()) {
                await().atMost(Duration.ofSeconds(30)).until(resumed::ended);
                assertThat(ids(resumed.events())).allMatch(id -> id > Long.parseLong(lastSeen));
                assertThat(resumed.events()).extracting(Event::name).containsExactly("progress", "status", "finished");
                assertThat(resumed.events()).noneMatch(e -> early.events().stream().anyMatch(s -> e.id().equals(s.id())));
            }
        }
        api.awaitFinished(blocker);
    }

    @Test
    void failedUnitsStreamAsUnitFailedAndResumeAfterTheLastOneSeen() {
        String runId = api.startRun(api.createExperiment(Experiments.failing(unique("sse-fail"), 6, List.of(1, 4))), null);
        try (EventStream stream = api.stream("/api/runs/" + runId + "/events", Map.of()).read()) {
            await().atMost(Duration.ofSeconds(60)).until(stream::ended);
            List<Event> failed = stream.events().stream().filter(e -> e.name().equals("unit-failed")).toList();
            assertThat(failed).extracting(e -> e.json().path("key").asString()).containsExactly("t_rep_1", "t_rep_4");
            assertThat(failed.get(0).json().path("message").asString()).contains("planned failure");
            assertThat(failed.get(0).json().path("type").asString()).isNotBlank();
            Event last = stream.events().get(stream.events().size() - 1);
            assertThat(last.json().path("progress").path("failedUnits").asLong()).isEqualTo(2);

            try (EventStream resumed = api.stream("/api/runs/" + runId + "/events",
                    Map.of("Last-Event-ID", failed.get(0).id())).read()) {
                await().atMost(Duration.ofSeconds(30)).until(resumed::ended);
                assertThat(resumed.events().stream().filter(e -> e.name().equals("unit-failed")))
                        .extracting(e -> e.json().path("key").asString()).containsExactly("t_rep_4");
                assertThat(resumed.events().get(resumed.events().size() - 1).name()).isEqualTo("finished");
            }
        }
    }

    @Test
    void theStreamOfAFinishedRunSendsFinishedAtOnceAndEnds() {
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("sse-done"), 2, 0)), null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        try (EventStream stream = api.stream("/api/runs/" + runId + "/events", Map.of()).read()) {
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);
            assertThat(stream.events()).extracting(Event::name).containsExactly("finished");
            assertThat(stream.events().get(0).json().path("status").asString()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void anUnknownRunIs404AndABadLastEventIdIs400NamingIt() {
        EventStream unknown = api.stream("/api/runs/" + UUID.randomUUID() + "/events", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        unknown.close();

        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("sse-bad-id"), 1, 0)), null);
        EventStream bad = api.stream("/api/runs/" + runId + "/events", Map.of("Last-Event-ID", "abc"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Api.JSON.readTree(bad.body()).path("errors").get(0).path("field").asString()).isEqualTo("Last-Event-ID");
    }

    private static List<Event> progress(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("progress")).toList();
    }

    private static List<String> statuses(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("status")).map(e -> e.json().path("status").asString()).toList();
    }

    private static List<Long> ids(List<Event> events) {
        return events.stream().filter(e -> e.id() != null).map(e -> Long.parseLong(e.id())).toList();
    }
}
