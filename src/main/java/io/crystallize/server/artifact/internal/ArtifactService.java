package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactQueries;
import io.crystallize.server.artifact.ArtifactView;
import io.crystallize.server.artifact.ArtifactState;
import io.crystallize.server.engine.UnitOrder;
import io.crystallize.server.run.RunLookup;
import io.crystallize.server.problem.GoneException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading artifact records and their bytes, for the HTTP API. */
@Service
public class ArtifactService implements ArtifactQueries {

    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final RunLookup runs;

    ArtifactService(ArtifactRepository artifacts, ArtifactStore store, RunLookup runs) {
        this.artifacts = artifacts;
        this.store = store;
        this.runs = runs;
    }

    /** The run's artifacts by replicate, condition in run order, step position and name; unknown run → 404. */
    @Override
    @Transactional(readOnly = true)
    public List<ArtifactView> list(UUID runId) {
        List<String> conditions = runs.conditions(runId);
        return artifacts.findByRunId(runId).stream()
                .sorted(UnitOrder.by(conditions, ArtifactRecord::getReplicate, ArtifactRecord::getCondition)
                        .thenComparingInt(ArtifactRecord::getStepIndex)
                        .thenComparing(ArtifactRecord::getName))
                .map(ArtifactService::view).toList();
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
        if (size(resource) != a.getSizeBytes()) {
            // The file changed under its record: its bytes are not the ones the ETag (SHA-256) names.
            throw new GoneException("artifact " + artifactId + " ('" + a.getName() + "') no longer has the size "
                    + "recorded for it; its recorded bytes are gone");
        }
        return new ArtifactContent(a.getName(), a.getContentType(), a.getSha256(), resource);
    }

    private static long size(Resource resource) {
        try {
            return resource.contentLength();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static ArtifactView view(ArtifactRecord a) {
        return new ArtifactView(a.getId(), a.getName(), a.getStep(), a.getReplicate(), a.getCondition(),
                a.getVersion(), a.getSizeBytes(), a.getSha256(), a.getContentType(),
                a.getState() != ArtifactState.AVAILABLE, a.getState(), "/api/artifacts/" + a.getId() + "/content");
    }
}
