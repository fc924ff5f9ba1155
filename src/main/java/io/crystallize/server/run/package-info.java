/**
 * Runs: their state machine and persistence (runs, units, seeds, hypothesis results, logs), durable
 * dispatch through db-scheduler, and execution on this node.
 * <p>
 * Its API is the views it returns ({@link io.crystallize.server.run.RunView} and friends), the
 * {@link io.crystallize.server.run.GlobalPlugin} marker for plugins that join every run, and
 * {@link io.crystallize.server.run.RunLookup} for modules that read a run from inside it. Everything else is in
 * {@code internal}; the controller is in {@code web}.
 */
package io.crystallize.server.run;
