package io.crystallize.server.e2e;

import io.crystallize.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that send headers and then trickle (or withhold) their body cannot starve others: at most
 * {@code max-concurrent-uploads} of them hold a server thread, the rest are told 503 at once, and health answers
 * within 2 s all the while.
 */
@TestPropertySource(properties = {"crystallize.limits.max-concurrent-uploads=3",
        "crystallize.limits.request-body-timeout=3s"})
class SlowClientsTest extends E2eTest {

    @Test
    void slowBodiesDoNotStarveHealth() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket("localhost", port);
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/experiments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            AtomicInteger answered = new AtomicInteger();
            await("health answers while bodies trickle").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(api.isHealthyWithin(Duration.ofSeconds(2))).isTrue();
                        return answered.incrementAndGet() >= 10;
                    });
            int unavailable = 0;
            for (Socket socket : sockets) {
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (status != null && status.contains(" 503")) {
                    unavailable++;
                }
            }
            assertThat(unavailable).as("requests over max-concurrent-uploads told 503").isGreaterThanOrEqualTo(7);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(api.isHealthyWithin(Duration.ofSeconds(2))).isTrue();
    }
}
