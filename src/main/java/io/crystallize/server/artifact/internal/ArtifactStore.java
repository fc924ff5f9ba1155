package io.crystallize.server.artifact.internal;

import org.springframework.core.io.Resource;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where artifact bytes live. A location is a root (a folder, for the file system) and a key: file-name
 * segments joined by {@code /}, each a plain name (never empty, {@code .}, {@code ..}, a separator or a control
 * character), so no key reaches outside its root. Implementations are thread-safe, and a write is atomic:
 * readers see the old bytes or the new ones, never a part.
 */
public interface ArtifactStore {

    /** The canonical form of a configured root (e.g. {@code ./data} made absolute), as kept in the records. */
    String root(String configured);

    /** Streams {@code content} to {@code key}, replacing what was there, and tells its size and SHA-256. */
    StoredFile write(String root, String key, InputStream content);

    /** The bytes at {@code key}, streamed on demand; empty when there is no such file. */
    Optional<Resource> read(String root, String key);

    /**
     * Every file below the folder {@code prefix}, at any depth; empty when the folder does not exist. Writes still in
     * progress (another run's) are not listed.
     */
    List<Entry> list(String root, String prefix);

    /** The names of the folders directly inside {@code prefix}. */
    List<String> folders(String root, String prefix);

    /** Deletes the file at {@code key}; false when there was none. */
    boolean delete(String root, String key);

    /**
     * Removes what writes that never finished (a crash) left below {@code prefix}: only for a folder nobody writes
     * into now, such as a run's own version folder before it executes.
     */
    void deleteUnfinishedWrites(String root, String prefix);

    /** Removes the empty folders below {@code prefix}, deepest first ({@code prefix} itself stays). */
    void deleteEmptyFolders(String root, String prefix);

    /** A stored file: its key and size. */
    record Entry(String key, long sizeBytes) {

        /** The last segment of the key. */
        public String fileName() {
            return key.substring(key.lastIndexOf('/') + 1);
        }
    }
}
