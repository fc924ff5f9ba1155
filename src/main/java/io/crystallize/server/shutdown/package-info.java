/**
 * Graceful shutdown of a node: on SIGTERM the node stops taking runs, lets the units in flight finish and
 * hands its runs back to the cluster, so another node (or this one after its restart) continues them at once
 * instead of waiting for the dead-node detection that a crash needs.
 */
package io.crystallize.server.shutdown;
