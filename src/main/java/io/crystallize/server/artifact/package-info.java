/**
 * Artifacts (SPEC §3, issue 3): the {@code artifacts} plugin that writes the files steps log to an
 * {@code ArtifactStore} in crystallize's folder layout, records them in the
 * database, writes the run's metadata, results and manifest, applies version retention, and serves the
 * records and their bytes over HTTP ({@code web}). It keeps every experiment's folder its own: creating one whose
 * folder lies inside, contains or is another's is refused ({@code ExperimentFolders}).
 * <p>
 * Depends on {@code engine} (the plugin SPI) and on {@code run} only through its {@link io.crystallize.server.run.RunLookup}
 * (a run's conditions and stored units). Everything is internal: no other module uses it.
 */
package io.crystallize.server.artifact;
