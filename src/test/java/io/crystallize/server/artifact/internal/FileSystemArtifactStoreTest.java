package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file-system store without Spring: atomic writes, hashes, listing, deletion, and keys that cannot escape. */
class FileSystemArtifactStoreTest {

    @TempDir
    Path sandbox;

    final FileSystemArtifactStore store = new FileSystemArtifactStore();

    private String root() {
        return store.root(sandbox.resolve("root").toString());
    }

    @Test
    void writesStreamsAndHashes() throws Exception {
        StoredFile stored = store.write(root(), "exp/v0/a.txt", bytes("hello"));
        assertThat(stored.sizeBytes()).isEqualTo(5);
        // sha256("hello")
        assertThat(stored.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(Files.readString(sandbox.resolve("root/exp/v0/a.txt"))).isEqualTo("hello");
        try (InputStream in = store.read(root(), "exp/v0/a.txt").orElseThrow().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store.read(root(), "exp/v0/missing.txt")).isEmpty();
    }

    @Test
    void aRewriteReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        store.write(root(), "exp/a.txt", bytes("first version"));
        store.write(root(), "exp/a.txt", bytes("second"));
        assertThat(Files.readString(sandbox.resolve("root/exp/a.txt"))).isEqualTo("second");
        assertThat(store.list(root(), "exp")).containsExactly(new ArtifactStore.Entry("exp/a.txt", 6));
    }

    @Test
    void aFailedWriteKeepsTheOldBytesAndLeavesNoTemporaryFile() throws Exception {
        store.write(root(), "exp/a.txt", bytes("old"));
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThatThrownBy(() -> store.write(root(), "exp/a.txt", failing)).hasMessageContaining("disk on fire");
        assertThat(Files.readString(sandbox.resolve("root/exp/a.txt"))).isEqualTo("old");
        assertThat(store.list(root(), "exp")).hasSize(1);
    }

    @Test
    void listsFoldersDeletesAndRemovesEmptyFolders() {
        store.write(root(), "exp/v0/r/a.txt", bytes("a"));
        store.write(root(), "exp/v0/b.txt", bytes("bb"));
        store.write(root(), "exp/v1/c.txt", bytes("ccc"));
        assertThat(store.folders(root(), "exp")).containsExactly("v0", "v1");
        assertThat(store.list(root(), "exp/v0")).extracting(ArtifactStore.Entry::key)
                .containsExactlyInAnyOrder("exp/v0/r/a.txt", "exp/v0/b.txt");
        assertThat(store.delete(root(), "exp/v0/r/a.txt")).isTrue();
        assertThat(store.delete(root(), "exp/v0/r/a.txt")).isFalse();
        store.deleteEmptyFolders(root(), "exp/v0");
        assertThat(Files.exists(sandbox.resolve("root/exp/v0/r"))).isFalse();
        assertThat(Files.exists(sandbox.resolve("root/exp/v0"))).isTrue();
        assertThat(store.list(root(), "nothing/here")).isEmpty();
        assertThat(store.folders(root(), "nothing")).isEmpty();
    }

    @Test
    void keysThatCouldLeaveTheRootAreRefused() {
        for (String key : List.of("../x", "exp/../../x", "exp/./x", "/etc/passwd", "exp//x", "exp\\..\\x", "exp/a\u0000b",
                "exp/" + "x".repeat(256))) {
            assertThatThrownBy(() -> store.write(root(), key, bytes("x"))).as(key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a safe");
            assertThatThrownBy(() -> store.read(root(), key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(root(), key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        try (var files = Files.list(sandbox)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSymbolicLinkInsideTheRootDoesNotRedirectWrites() throws Exception {
        Path outside = Files.createDirectories(sandbox.resolve("outside"));
        Files.createDirectories(sandbox.resolve("root"));
        Files.createSymbolicLink(sandbox.resolve("root/link"), outside);
        assertThatThrownBy(() -> store.write(root(), "link/x.txt", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the artifact root");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
