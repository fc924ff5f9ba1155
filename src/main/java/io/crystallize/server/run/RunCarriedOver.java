package io.crystallize.server.run;

import java.util.UUID;

/**
 * Published inside the submitting transaction when a resume had nothing left to run: {@code run} kept every
 * unit of {@code previousRun} (replicates below {@code replicates}, the listed
 * {@code conditions}) without executing anything, so what belongs to those units (their artifact
 * records) is carried over as it is, in the same version.
 */
public record RunCarriedOver(UUID previousRun, UUID run, int version, int replicates, java.util.List<String> conditions) {
}
