package io.crystallize.server.run;

import java.util.List;
import java.util.UUID;

/**
 * What another module may read of a stored run. It is the run module's narrow API for modules that run
 * inside a run (the artifacts plugin): its implementation needs only the run tables, not the services that
 * depend, through the catalog, on those modules' plugin factories.
 */
public interface RunLookup {

    /**
     * The run's conditions: {@code baseline}, then its active treatments in order.
     *
     * @throws io.crystallize.server.problem.NotFoundException when there is no such run
     */
    List<String> conditions(UUID runId);

    /**
     * The seeds of the units stored so far for the run, by replicate and then condition; every stored unit has
     * one, because the seed plugin joins every run.
     *
     * @param conditions the run's conditions, as a plugin inside the run has them ({@code Experiment.conditions()})
     */
    List<SeedView> seeds(UUID runId, List<String> conditions);

    /**
     * The latest COMPLETED run of the experiment named {@code experimentName} in workspace {@code workspaceId}
     * (experiment graphs: the {@code artifact} datasource reads it; an experiment reads only its own workspace's);
     * empty when there is no such experiment there or no completed run.
     */
    java.util.Optional<RunView> latestCompleted(String experimentName, UUID workspaceId);
}
