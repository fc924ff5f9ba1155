package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import io.crystallize.server.support.EventStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code server.jetty.connection-idle-timeout} cuts and what it leaves alone (docs/limits.md): a body withheld
 * half-way is a 408 problem once the connection is silent that long, but an open event stream with nothing to say
 * (no heartbeat within the timeout either) and a request the server is still working on are not I/O and stay.
 */
@TestPropertySource(properties = {"server.jetty.connection-idle-timeout=1s", "crystallize.events.heartbeat-interval=60s"})
class ConnectionIdleTimeoutTest extends E2eTest {

    @Test
    void aWithheldBodyIsA408Problem() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/experiments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("application/problem+json").contains("server.jetty.connection-idle-timeout");
        }
    }

    @Test
    void aQuietEventStreamAndASlowRequestOutliveTheTimeout() {
        String experiment = api.createExperiment(Map.of("name", unique("idle-timeout"),
                "datasource", Map.of("type", "range", "params", Map.of("end", 3)),
                "steps", List.of(Map.of("type", "sleep", "params", Map.of("ms", 3000))),
                "replicates", 1, "plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 5)))));

        Api.Response applied = api.post("/api/experiments/" + experiment + "/apply", Map.of());
        assertThat(applied.status()).as("a 3 s request with a 1 s idle timeout").isEqualTo(200);

        String run = api.startRun(experiment, null);
        try (EventStream events = api.stream("/api/runs/" + run + "/events", Map.of()).read()) {
            await().atMost(Duration.ofSeconds(60)).until(events::ended);
            assertThat(events.events()).extracting(EventStream.Event::name).contains("finished");
            assertThat(events.comments()).as("no heartbeat was needed to keep the stream").isEmpty();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
