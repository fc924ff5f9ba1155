package io.crystallize.server.remote;

import io.crystallize.server.remote.LoopbackRemote.Answer;
import io.crystallize.server.remote.LoopbackRemote.Call;
import io.crystallize.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port over its real database, with loopback remotes it may call: 127.0.0.1 is
 * the only allowed host, answers are capped at 64 KB and retries wait 10 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crystallize.remote.allowed-hosts=127.0.0.1", "crystallize.remote.max-response-size=64KB",
        "crystallize.remote.retry-backoff=10ms"})
abstract class RemoteE2eTest {

    @LocalServerPort
    int port;

    Api api;

    private final List<LoopbackRemote> remotes = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void stopRemotes() {
        remotes.forEach(LoopbackRemote::close);
    }

    LoopbackRemote remote(Function<Call, Answer> behaviour) {
        LoopbackRemote remote = new LoopbackRemote(behaviour);
        remotes.add(remote);
        return remote;
    }

    /** Registers a remote component over HTTP (201 expected) and returns its type. */
    String register(String kind, String type, String url, List<Map<String, Object>> params, Map<String, Object> limits) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", kind, "type", type, "url", url, "params", params,
                "description", "a loopback remote"));
        body.putAll(limits);
        Api.Response r = api.post("/api/catalog/remote", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return type;
    }

    /** A definition: datasource {@code range(0..3)}, then {@code steps}; treatment {@code boost} sets delta=1. */
    static Map<String, Object> definition(String name, List<Map<String, Object>> steps, int replicates,
                                          Map<String, Object> executionPlugin) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("datasource", Map.of("type", "range", "params", Map.of("end", 3)));
        d.put("steps", steps);
        d.put("treatments", List.of(Map.of("name", "boost", "context", Map.of("delta", 1.0))));
        d.put("replicates", replicates);
        d.put("plugins", List.of(Map.of("type", "seed", "params", Map.of("seed", 42)), Map.of("type", "trace"),
                executionPlugin));
        return d;
    }

    static Map<String, Object> serial() {
        return Map.of("type", "serial");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
