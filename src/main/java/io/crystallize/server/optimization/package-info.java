/**
 * Optimization (SPEC §7): a search over context keys for the treatment that minimizes or maximizes an objective
 * metric. The service evaluates trials itself (each an ordinary treatment over the experiment's replicates, with
 * the ordinary seeds) and external evaluators take part through ask/tell.
 */
package io.crystallize.server.optimization;
