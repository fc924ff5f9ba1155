package io.crystallize.server.run;

import java.util.UUID;

/**
 * Published inside the transaction that deletes a finished run, before its row goes, so the modules that
 * keep data of a run (artifacts) remove theirs in the same transaction and their files once it commits.
 *
 * @param runId           the run being deleted
 * @param experimentName  its experiment's name (the artifact folder)
 * @param version         the run's artifact version
 * @param lastOfVersion   true when no newer run of the experiment writes the same version folder, so the folder's
 *                        run-level files (metadata, results, manifest) belong to this run and go with it
 * @param artifactRootDir the explicit {@code rootDir} of the run's {@code artifacts} plugin, or null for the default
 */
public record RunDeleted(UUID runId, String experimentName, int version, boolean lastOfVersion, String artifactRootDir) {
}
