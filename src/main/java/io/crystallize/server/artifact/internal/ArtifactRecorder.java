package io.crystallize.server.artifact.internal;

import io.crystallize.server.artifact.ArtifactState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plugin's access to artifact records. Each call is its own short transaction, safe from several unit
 * threads at once; nothing holds a transaction while a run executes.
 */
@Component
class ArtifactRecorder {

    /** Keeps {@code in (…)} lists well below every database's bind-parameter limit. */
    private static final int CHUNK = 500;

    private final ArtifactRepository artifacts;
    private final TransactionTemplate tx;
    private final Clock clock;

    ArtifactRecorder(ArtifactRepository artifacts, TransactionTemplate tx, Clock clock) {
        this.artifacts = artifacts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records an artifact, or updates its record when this run already wrote it (a unit executed again after a
     * crash, or a later step of the same type); returns the size previously recorded, 0 when new.
     */
    long record(NewArtifact a) {
        try {
            return upsert(a);
        } catch (DataIntegrityViolationException raced) {
            // Another node re-executing the same unit inserted it first: update that row instead.
            return upsert(a);
        }
    }

    private long upsert(NewArtifact a) {
        Long previous = tx.execute(s -> {
            var existing = artifacts.findByRunIdAndReplicateAndConditionAndStepAndName(a.runId(), a.replicate(),
                    a.condition(), a.step(), a.name());
            if (existing.isPresent()) {
                long size = existing.get().getSizeBytes();
                existing.get().rewrite(a, clock.instant());
                return size;
            }
            artifacts.saveAndFlush(new ArtifactRecord(a, clock.instant()));
            return 0L;
        });
        return previous == null ? 0 : previous;
    }

    /**
     * Copies into {@code runId} the available records other runs wrote in a version folder for the units this run
     * carries over (a resumed run keeps the completed units of the latest run, which are not executed again), so
     * their files survive the replacement of the folder and are listed with this run. Returns how many.
     */
    int adopt(String experimentName, int version, String root, UUID runId, Set<String> carriedUnits, UUID experimentId) {
        if (carriedUnits.isEmpty()) {
            return 0;
        }
        Integer n = tx.execute(s -> {
            Set<String> mine = artifacts.findByRunId(runId).stream().map(ArtifactRecorder::identity)
                    .collect(Collectors.toSet());
            int copied = 0;
            for (ArtifactRecord a : artifacts.findByExperimentNameAndVersionAndRootDirAndState(experimentName, version,
                    root, ArtifactState.AVAILABLE)) {
                if (!a.getRunId().equals(runId) && carriedUnits.contains(unit(a.getReplicate(), a.getCondition()))
                        && mine.add(identity(a))) {
                    artifacts.save(new ArtifactRecord(new NewArtifact(runId, experimentId, experimentName, version,
                            a.getReplicate(), a.getCondition(), a.getStepIndex(), a.getStep(), a.getName(), root,
                            a.getStorageKey(), new StoredFile(a.getSizeBytes(), a.getSha256()), a.getContentType()),
                            clock.instant()));
                    copied++;
                }
            }
            return copied;
        });
        return n == null ? 0 : n;
    }

    static String unit(int replicate, String condition) {
        return replicate + "/" + condition;
    }

    private static String identity(ArtifactRecord a) {
        return unit(a.getReplicate(), a.getCondition()) + "/" + a.getStep() + "/" + a.getName();
    }

    /** Marks the available records of a version folder that other runs wrote; returns how many. */
    int supersedeOthers(String experimentName, int version, String root, UUID runId) {
        Integer n = tx.execute(s -> artifacts.supersede(experimentName, version, root, runId));
        return n == null ? 0 : n;
    }

    /** Marks the records of deleted files as pruned. */
    void prune(String experimentName, int version, String root, Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            tx.executeWithoutResult(s -> artifacts.prune(experimentName, version, root, chunk));
        }
    }

    /** The store keys of the run's available artifacts (a re-executed run keeps what it wrote before). */
    Set<String> availableKeys(UUID runId) {
        return readOnly(() -> artifacts.findByRunId(runId).stream()
                .filter(a -> a.getState() == ArtifactState.AVAILABLE)
                .map(ArtifactRecord::getStorageKey).collect(Collectors.toSet()));
    }

    long totalSize(UUID runId) {
        Long total = tx.execute(s -> artifacts.totalSize(runId));
        return total == null ? 0 : total;
    }

    /**
     * Artifact name → step type for the run's manifest, in pipeline order; when steps of several types log
     * the same name the last in the pipeline wins, as the last writer does in crystallize.
     */
    Map<String, String> manifest(UUID runId) {
        return readOnly(() -> {
            Map<String, String> manifest = new LinkedHashMap<>();
            artifacts.findByRunId(runId).stream()
                    .sorted(Comparator.comparingInt(ArtifactRecord::getStepIndex).thenComparing(ArtifactRecord::getName))
                    .forEach(a -> manifest.put(a.getName(), a.getStep()));
            return manifest;
        });
    }

    private <T> T readOnly(java.util.function.Supplier<T> query) {
        return tx.execute(s -> query.get());
    }
}
