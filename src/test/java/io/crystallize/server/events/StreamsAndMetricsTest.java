package io.crystallize.server.events;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.EventStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.crystallize.server.events.Experiments.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many idle streams cost no thread each (figures printed), the per-user cap answers 429, idle streams get
 * heartbeats; {@code /actuator/prometheus} counts a finished run's units exactly; logs as JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.events.max-streams-per-user=200", "crystallize.events.heartbeat-interval=1s"})
class StreamsAndMetricsTest {

    static final int STREAMS = 200;

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void twoHundredIdleStreamsHoldNoThreadEachAndTheNextIs429() {
        String runId = api.startRun(api.createExperiment(Experiments.endless(unique("idle"))), null);
        await().atMost(Duration.ofSeconds(120)).until(() -> api.run(runId).path("status").asString().equals("RUNNING"));
        await().atMost(Duration.ofSeconds(120)).until(() -> gauge("crystallize_events_streams") == 0);
        var threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeapAfterGc();
        int threadsBefore = threads.getThreadCount();

        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                EventStream s = api.stream("/api/runs/" + runId + "/events", Map.of());
                assertThat(s.status()).isEqualTo(200);
                streams.add(s);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> gauge("crystallize_events_streams") == STREAMS);
            long heapAfter = usedHeapAfterGc();
            int threadsAfter = threads.getThreadCount();
            System.out.printf("%d idle event streams (server and client in one JVM): heap %+.1f MB (%.1f KB per stream), "
                            + "threads %d -> %d (%+d)%n", STREAMS, (heapAfter - heapBefore) / 1e6,
                    (heapAfter - heapBefore) / 1e3 / STREAMS, threadsBefore, threadsAfter, threadsAfter - threadsBefore);
            assertThat(threadsAfter - threadsBefore).as("threads do not grow per stream").isLessThan(STREAMS / 10);

            EventStream refused = api.stream("/api/runs/" + runId + "/events", Map.of());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("max-streams-per-user");

            EventStream watched = streams.get(0).read();
            await().atMost(Duration.ofSeconds(60)).until(() -> !watched.comments().isEmpty());
            assertThat(api.post("/api/runs/" + runId + "/cancel", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).until(watched::ended);
            EventStream.Event last = watched.events().get(watched.events().size() - 1);
            assertThat(last.name()).isEqualTo("finished");
            assertThat(last.json().path("status").asString()).isEqualTo("CANCELLED");
            await().atMost(Duration.ofSeconds(120)).until(() -> gauge("crystallize_events_streams") == 0);
        } finally {
            streams.forEach(EventStream::close);
        }
    }

    @Test
    void prometheusCountsAFinishedRunsUnitsExactly() {
        String metrics = scrape();
        double completedBefore = value(metrics, "crystallize_units_finished_total", "status=\"COMPLETED\"");
        double failedBefore = value(metrics, "crystallize_units_finished_total", "status=\"FAILED\"");
        double runsBefore = value(metrics, "crystallize_runs_finished_total", "status=\"COMPLETED\"");
        double startedBefore = value(metrics, "crystallize_runs_started_total", "");

        String runId = api.startRun(api.createExperiment(Experiments.failing(unique("metrics"), 5, List.of(2))), null);
        JsonNode run = api.awaitCompleted(runId, Duration.ofSeconds(60));
        assertThat(run.path("progress").path("completedUnits").asInt()).isEqualTo(9);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                value(scrape(), "crystallize_runs_finished_total", "status=\"COMPLETED\"") == runsBefore + 1);
        String after = scrape();
        assertThat(value(after, "crystallize_units_finished_total", "status=\"COMPLETED\"") - completedBefore).isEqualTo(9);
        assertThat(value(after, "crystallize_units_finished_total", "status=\"FAILED\"") - failedBefore).isEqualTo(1);
        assertThat(value(after, "crystallize_runs_started_total", "") - startedBefore).isEqualTo(1);
        assertThat(value(after, "crystallize_runs_duration_seconds_count", "status=\"COMPLETED\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("crystallize_runs_active ", "crystallize_runs_queued ", "crystallize_events_streams ",
                "crystallize_webhooks_deliveries_total{outcome=\"delivered\"");
    }

    @Test
    void logsAreTextByDefaultAndStructuredLinesAsJson() {
        String runId = api.startRun(api.createExperiment(Experiments.sleeping(unique("logs"), 1, 0)), null);
        api.awaitCompleted(runId, Duration.ofSeconds(60));
        Api.Response text = api.get("/api/runs/" + runId + "/logs");
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        Api.Response json = api.get("/api/runs/" + runId + "/logs", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        JsonNode lines = json.json();
        assertThat(lines.size()).isEqualTo(text.body().split("\n").length).isPositive();
        JsonNode first = lines.get(0);
        assertThat(first.path("level").asString()).isIn("DEBUG", "INFO", "WARN", "ERROR");
        assertThat(text.body()).startsWith(first.path("at").asString() + " " + first.path("level").asString() + " "
                + first.path("message").asString());
        assertThat(api.get("/api/runs/" + runId + "/logs", "text/plain, application/json;q=0.5").header("Content-Type"))
                .startsWith("text/plain");
    }

    private String scrape() {
        Api.Response r = api.get("/actuator/prometheus");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private double gauge(String name) {
        return value(scrape(), name, "");
    }

    /** The sample of {@code name} whose labels contain {@code label} (0 when absent). */
    private static double value(String metrics, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
