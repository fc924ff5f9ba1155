package io.crystallize.server.artifact.internal;

/**
 * One run's artifact plugin settings, resolved from its params, the environment overrides and the
 * configuration (see {@link ArtifactPluginFactory}).
 *
 * @param root           the store root, canonical
 * @param versioned      whether each run gets a new version folder, else every run replaces {@code v0}
 * @param retention      how many versions keep their artifacts; all when ≤ 0
 * @param thresholdBytes files larger than this leave kept versions other than the newest
 * @param maxArtifactBytes the largest single artifact
 * @param maxRunBytes    the most bytes of artifacts of one run
 */
record ArtifactSettings(String root, boolean versioned, int retention, long thresholdBytes, long maxArtifactBytes,
                        long maxRunBytes) {
}
