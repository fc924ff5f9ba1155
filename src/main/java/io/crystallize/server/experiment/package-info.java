/**
 * Experiment definitions: the submitted model (datasource, steps, initial context, treatments, hypotheses,
 * replicates, plugins), its validation against the catalog, its fingerprint and its storage.
 */
package io.crystallize.server.experiment;
