/**
 * Runs: their state machine and persistence (runs, units, seeds, hypothesis results, logs), durable
 * dispatch through db-scheduler, and execution on this node.
 */
package io.crystallize.server.run;
