package io.crystallize.server.artifact.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version retention of SPEC §3, as crystallize applies it after every versioned run: the newest
 * {@code retention} versions are kept (all when ≤ 0); kept versions other than the newest lose their files
 * over the threshold, except the results, manifest and metadata; older versions keep only their
 * {@code results.json} files, so the metric history survives.
 */
final class Retention {

    static final String RESULTS = "results.json";
    static final Set<String> SMALL_FILES = Set.of(RESULTS, RunFiles.MANIFEST, RunFiles.METADATA);
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})");

    private final ArtifactStore store;

    Retention(ArtifactStore store) {
        this.store = store;
    }

    /** Applies retention to the experiment's folder; returns the deleted keys by version. */
    Map<Integer, List<String>> apply(String root, String experimentName, int retention, long thresholdBytes) {
        List<Integer> versions = versions(store.folders(root, experimentName));
        Map<Integer, List<String>> deleted = new LinkedHashMap<>();
        if (versions.isEmpty()) {
            return deleted;
        }
        int newest = versions.get(versions.size() - 1);
        List<Integer> kept = retention <= 0 ? versions
                : versions.subList(Math.max(0, versions.size() - retention), versions.size());
        for (int v : versions) {
            if (v == newest) {
                continue;
            }
            boolean keep = kept.contains(v);
            String folder = StorageKeys.key(experimentName, "v" + v);
            List<String> gone = new ArrayList<>();
            for (ArtifactStore.Entry file : store.list(root, folder)) {
                if (shouldDelete(keep, file, thresholdBytes) && store.delete(root, file.key())) {
                    gone.add(file.key());
                }
            }
            if (!keep) {
                store.deleteEmptyFolders(root, folder);
            }
            if (!gone.isEmpty()) {
                deleted.put(v, gone);
            }
        }
        return deleted;
    }

    static boolean shouldDelete(boolean keptVersion, ArtifactStore.Entry file, long thresholdBytes) {
        if (keptVersion) {
            return file.sizeBytes() > thresholdBytes && !SMALL_FILES.contains(file.fileName());
        }
        return !file.fileName().equals(RESULTS);
    }

    /** The numeric {@code v<N>} folder names, ascending; other folders are not versions. */
    static List<Integer> versions(List<String> folders) {
        List<Integer> versions = new ArrayList<>();
        for (String f : folders) {
            Matcher m = VERSION.matcher(f);
            if (m.matches()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        versions.sort(null);
        return versions;
    }
}
