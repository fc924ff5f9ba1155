package io.crystallize.server.artifact;

import java.util.List;
import java.util.UUID;

/** Reading a run's artifact records, for modules that show them (the dashboard). */
public interface ArtifactQueries {

    /**
     * The run's artifacts by replicate, condition in run order, step position and name.
     *
     * @throws io.crystallize.server.problem.NotFoundException when there is no such run
     */
    List<ArtifactView> list(UUID runId);
}
