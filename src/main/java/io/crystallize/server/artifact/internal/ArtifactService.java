package io.crystallize.server.artifact.internal;

import io.crystallize.server.run.RunLookup;
import io.crystallize.server.problem.GoneException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Reading artifact records and their bytes, for the HTTP API. */
@Service
public class ArtifactService {

    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final RunLookup runs;

    ArtifactService(ArtifactRepository artifacts, ArtifactStore store, RunLookup runs) {
        this.artifacts = artifacts;
        this.store = store;
        this.runs = runs;
    }

    /** The run's artifacts by replicate, condition in run order, step position and name; unknown run → 404. */
    @Transactional(readOnly = true)
    public List<ArtifactView> list(UUID runId) {
        List<String> conditions = runs.conditions(runId);
        return artifacts.findByRunId(runId).stream()
                .sorted(Comparator.comparingInt(ArtifactRecord::getReplicate)
                        .thenComparingInt(a -> order(conditions, a.getCondition()))
                        .thenComparingInt(ArtifactRecord::getStepIndex)
                        .thenComparing(ArtifactRecord::getName))
                .map(ArtifactView::of).toList();
    }

    /** The bytes of an available artifact; unknown → 404, pruned, superseded or missing from the store → 410. */
    @Transactional(readOnly = true)
    public ArtifactContent content(UUID artifactId) {
        ArtifactRecord a = artifacts.findById(artifactId).orElseThrow(() -> new NotFoundException("artifact", artifactId));
        if (a.getState() != ArtifactState.AVAILABLE) {
            throw new GoneException("artifact " + artifactId + " ('" + a.getName() + "') was "
                    + a.getState().name().toLowerCase() + (a.getState() == ArtifactState.PRUNED
                    ? " by version retention" : " by a later run of the experiment") + "; its bytes are gone");
        }
        Resource resource = store.read(a.getRootDir(), a.getStorageKey()).orElseThrow(() -> new GoneException(
                "artifact " + artifactId + " ('" + a.getName() + "') is no longer in the artifact store"));
        return new ArtifactContent(a.getName(), a.getContentType(), a.getSha256(), resource);
    }

    private static int order(List<String> conditions, String condition) {
        int i = conditions.indexOf(condition);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
