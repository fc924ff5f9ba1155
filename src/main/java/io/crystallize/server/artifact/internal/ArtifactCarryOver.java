package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import io.crystallize.server.run.RunCarriedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A resume with nothing left to run keeps the files of the units it carries over exactly where they are (same
 * version, nothing superseded or pruned) and lists them with the new run too: the records are copied, pointing
 * at the same stored bytes. Runs in the submitting transaction.
 */
@Component
class ArtifactCarryOver {

    private final ArtifactRepository artifacts;
    private final Clock clock;

    ArtifactCarryOver(ArtifactRepository artifacts, Clock clock) {
        this.artifacts = artifacts;
        this.clock = clock;
    }

    @EventListener
    void on(RunCarriedOver event) {
        for (ArtifactRecord a : artifacts.findByRunId(event.previousRun())) {
            if (a.getState() == ArtifactState.AVAILABLE && a.getReplicate() < event.replicates()
                    && event.conditions().contains(a.getCondition())) {
                artifacts.save(new ArtifactRecord(new NewArtifact(event.run(), a.getExperimentId(), a.getExperimentName(),
                        a.getVersion(), a.getReplicate(), a.getCondition(), a.getStepIndex(), a.getStep(), a.getName(),
                        a.getRootDir(), a.getStorageKey(), new StoredFile(a.getSizeBytes(), a.getSha256()),
                        a.getContentType()), clock.instant()));
            }
        }
    }
}
