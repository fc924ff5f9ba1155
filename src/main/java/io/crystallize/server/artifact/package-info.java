/**
 * Artifacts (SPEC §3, issue 3): the {@code artifacts} plugin that writes the files steps log to an
 * {@link io.crystallize.server.artifact.ArtifactStore} in crystallize's folder layout, records them in the
 * database, writes the run's metadata, results and manifest, applies version retention, and serves the
 * records and their bytes over HTTP ({@code web}).
 * <p>
 * Depends on {@code engine} (the plugin SPI) and on {@code run} only to check that a run exists.
 */
package io.crystallize.server.artifact;
