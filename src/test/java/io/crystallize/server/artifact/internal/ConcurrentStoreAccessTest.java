package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another run lists and prunes an experiment's folders while a run is still writing into them (versioned runs of
 * one experiment execute in parallel; each applies retention when it ends): a write held half-way makes the race
 * deterministic. ConcurrentRunsTest once failed on it: retention listed a run's {@code .tmp-….part} file, which was
 * moved into place before its size was read.
 */
class ConcurrentStoreAccessTest {

    @TempDir
    Path dir;

    final FileSystemArtifactStore store = new FileSystemArtifactStore();
    final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    @Test
    void aListingDuringAWriteShowsNoTemporaryFile() throws Exception {
        String root = store.root(dir.toString());
        HeldContent held = new HeldContent();
        Future<StoredFile> write = writer.submit(() -> store.write(root, "e/v1/replicate_0/baseline/s/a.bin", held));
        held.awaitHalfWay();

        assertThat(store.list(root, "e/v1")).isEmpty();

        held.release();
        assertThat(write.get(30, TimeUnit.SECONDS).sizeBytes()).isEqualTo(1);
        assertThat(store.list(root, "e/v1")).containsExactly(new ArtifactStore.Entry("e/v1/replicate_0/baseline/s/a.bin", 1));
    }

    @Test
    void retentionOfAnotherRunLeavesAWriteInProgressAlone() throws Exception {
        String root = store.root(dir.toString());
        store.write(root, "e/v2/metadata.json", new ByteArrayInputStream(new byte[2]));
        HeldContent held = new HeldContent();
        Future<StoredFile> write = writer.submit(() -> store.write(root, "e/v1/replicate_0/baseline/s/a.bin", held));
        held.awaitHalfWay();

        // The run of v2 ends first: with retention 1, v1 (still running) is pruned to its results.
        new Retention(store).apply(root, "e", 1, 0);

        held.release();
        assertThat(write.get(30, TimeUnit.SECONDS).sizeBytes()).isEqualTo(1);
        assertThat(Files.readAllBytes(dir.resolve("e/v1/replicate_0/baseline/s/a.bin"))).containsExactly('x');
    }

    @Test
    void theTemporaryFileNamesAreNotKeys() {
        String root = store.root(dir.toString());
        assertThatThrownBy(() -> store.write(root, "e/v0/.tmp-123.part", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThat(dir.resolve("e")).doesNotExist();
    }

    @Test
    void whatACrashedWriteLeftIsRemovedOnlyWhenAsked() throws Exception {
        String root = store.root(dir.toString());
        store.write(root, "e/v0/r/a.txt", new ByteArrayInputStream(new byte[1]));
        Path stray = Files.writeString(dir.resolve("e/v0/r/.tmp-42.part"), "half");
        assertThat(store.list(root, "e/v0")).extracting(ArtifactStore.Entry::key).containsExactly("e/v0/r/a.txt");

        store.deleteUnfinishedWrites(root, "e/v0");

        assertThat(stray).doesNotExist();
        assertThat(dir.resolve("e/v0/r/a.txt")).exists();
        store.deleteUnfinishedWrites(root, "e/v9");
    }

    /** One byte, then nothing until released: the writer stays half-way, its temporary file in the folder. */
    private static final class HeldContent extends InputStream {
        private final CountDownLatch halfWay = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private boolean sent;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!sent) {
                sent = true;
                b[off] = 'x';
                halfWay.countDown();
                return 1;
            }
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return -1;
        }

        void awaitHalfWay() throws InterruptedException {
            assertThat(halfWay.await(30, TimeUnit.SECONDS)).as("the write started").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
