package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import io.crystallize.server.run.RunDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes a deleted run's artifacts: its records in the deleting transaction, its files once that commits
 * (a rolled-back delete keeps them). Only files the run still owns go: a superseded or pruned record's key
 * holds another run's bytes or nothing. When the run is the last to write its version folder, the folder's
 * run-level files (metadata, results, manifest) go too, and the folders left empty.
 */
@Component
class ArtifactCleanup {

    private static final Logger log = LoggerFactory.getLogger(ArtifactCleanup.class);

    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final ArtifactProperties properties;

    ArtifactCleanup(ArtifactRepository artifacts, ArtifactStore store, ArtifactProperties properties) {
        this.artifacts = artifacts;
        this.store = store;
        this.properties = properties;
    }

    @EventListener
    void on(RunDeleted run) {
        List<ArtifactRecord> records = artifacts.findByRunId(run.runId());
        List<String[]> files = new ArrayList<>();
        records.stream().filter(a -> a.getState() == ArtifactState.AVAILABLE)
                .forEach(a -> files.add(new String[] {a.getRootDir(), a.getStorageKey()}));
        artifacts.deleteAllInBatch(records);
        String root = store.root(run.artifactRootDir() == null ? properties.rootDir() : run.artifactRootDir());
        String experimentFolder = StorageKeys.key(run.experimentName());
        String versionFolder = StorageKeys.key(run.experimentName(), "v" + run.version());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    files.forEach(f -> store.delete(f[0], f[1]));
                    if (run.lastOfVersion()) {
                        store.list(root, versionFolder).forEach(e -> store.delete(root, e.key()));
                        store.deleteUnfinishedWrites(root, versionFolder);
                    }
                    store.deleteEmptyFolders(root, experimentFolder);
                } catch (RuntimeException e) {
                    // The records are gone; stray files are only disk space, never served again.
                    log.warn("run {} deleted, but some of its artifact files could not be removed: {}", run.runId(),
                            e.getMessage());
                }
            }
        });
    }
}
