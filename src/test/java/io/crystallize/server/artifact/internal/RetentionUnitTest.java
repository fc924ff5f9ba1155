package io.crystallize.server.artifact.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention on a real folder, without Spring: which files each version keeps, and what it reports deleted. */
class RetentionUnitTest {

    @TempDir
    Path dir;

    final FileSystemArtifactStore store = new FileSystemArtifactStore();

    @Test
    void keepsTheNewestVersionsAndPrunesTheRest() {
        String root = store.root(dir.toString());
        for (int v = 0; v < 3; v++) {
            for (String file : List.of("metadata.json", "_manifest.json", "baseline/results.json",
                    "baseline/.crystallize_complete", "replicate_0/baseline/s/big.bin", "replicate_0/baseline/s/small.txt")) {
                int size = file.endsWith("big.bin") || file.equals("_manifest.json") ? 2000 : 10;
                store.write(root, "e/v" + v + "/" + file, new ByteArrayInputStream(new byte[size]));
            }
        }
        store.write(root, "e/other/x.txt", new ByteArrayInputStream(new byte[5000]));

        Map<Integer, List<String>> deleted = new Retention(store).apply(root, "e", 2, 1000);

        assertThat(deleted.keySet()).containsExactly(0, 1);
        assertThat(keys(root, "e/v0")).containsExactly("e/v0/baseline/results.json");
        // Kept but not newest: only the big artifact goes; a big manifest is never pruned.
        assertThat(keys(root, "e/v1")).containsExactlyInAnyOrder("e/v1/metadata.json", "e/v1/_manifest.json",
                "e/v1/baseline/results.json", "e/v1/baseline/.crystallize_complete", "e/v1/replicate_0/baseline/s/small.txt");
        assertThat(keys(root, "e/v2")).hasSize(6);
        assertThat(keys(root, "e/other")).hasSize(1);
        assertThat(deleted.get(1)).containsExactly("e/v1/replicate_0/baseline/s/big.bin");
        assertThat(store.folders(root, "e/v0")).containsExactly("baseline");
    }

    @Test
    void versionsAreNumericFoldersInNumericOrder() {
        assertThat(Retention.versions(List.of("v10", "v2", "x", "v", "v-1", "v1a", "v0"))).containsExactly(0, 2, 10);
    }

    @Test
    void noVersionsNothingToDo() {
        assertThat(new Retention(store).apply(store.root(dir.toString()), "none", 1, 0)).isEmpty();
    }

    private List<String> keys(String root, String prefix) {
        return store.list(root, prefix).stream().map(ArtifactStore.Entry::key).toList();
    }
}
