package io.crystallize.server.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated key file: owner-only, read back as written, the same key for starts that race, refused if damaged. */
class SecretKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void startsThatRaceAgreeOnOneOwnerOnlyKey() throws Exception {
        Path file = dir.resolve("data/webhook-secret-key");
        List<CompletableFuture<byte[]>> starts = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> SecretKeyFile.loadOrCreate(file))).toList();
        byte[] first = starts.get(0).get();
        assertThat(first).hasSize(32);
        for (CompletableFuture<byte[]> s : starts) {
            assertThat(s.get()).isEqualTo(first);
        }
        assertThat(SecretKeyFile.loadOrCreate(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("webhook-secret-key");
        }
    }

    @Test
    void aDamagedFileIsRefusedNotReplaced() throws Exception {
        Path file = dir.resolve("webhook-secret-key");
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> SecretKeyFile.loadOrCreate(file)).hasMessageContaining("does not hold a webhook secret key");
        assertThat(Files.readString(file)).isEqualTo("not a key\n");
    }
}
