package io.crystallize.server.run;

import java.util.UUID;

/** Hands a run's units to the cluster: the run module's API for the {@code distributed} execution strategy. */
public interface UnitHandOff {

    /**
     * Cuts the run's replicates into groups of about {@code unitsPerTask} units (whole replicates: a replicate's
     * treatments need its baseline) and schedules each as durable work that any node executes, with the per-unit
     * hooks running there; the node that finishes the last group schedules the run's completion, once.
     * Idempotent: a coordinator executed again after a crash schedules nothing twice.
     *
     * @return the number of groups
     */
    int handOff(UUID runId, int replicates, int conditions, int unitsPerTask);
}
