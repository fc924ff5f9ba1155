package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.LoggedArtifact;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * crystallize's ArtifactPlugin (SPEC §3): after each step, the artifacts the step logged are written to
 * {@code <root>/<experiment>/v<version>/replicate_<n>/<condition>/<step type>/<name>} and recorded; after the
 * run, the metadata, results, markers and manifest are written and, when versioned, retention applied.
 * <p>
 * One instance serves one run and is called from several unit threads at once: per-unit state lives in the
 * unit's context, the running total is atomic, and everything else is in the store or the database (so a
 * run executed again after a crash, or units on another node, see what was written before).
 */
final class ArtifactPlugin implements ExperimentPlugin {

    private final ArtifactSettings settings;
    private final ArtifactStore store;
    private final ArtifactRecorder recorder;
    private final RunFiles files;
    /** Run id, conditions → the units ("replicate/condition") already stored for the run: it skips them. */
    private final BiFunction<UUID, List<String>, Set<String>> carriedUnits;
    /** Bytes this run has recorded, for the per-run limit; loaded from the records on first use. */
    private final AtomicLong runBytes = new AtomicLong(-1);

    ArtifactPlugin(ArtifactSettings settings, ArtifactStore store, ArtifactRecorder recorder, RunFiles files,
                   BiFunction<UUID, List<String>, Set<String>> carriedUnits) {
        this.settings = settings;
        this.store = store;
        this.recorder = recorder;
        this.files = files;
        this.carriedUnits = carriedUnits;
    }

    ArtifactSettings settings() {
        return settings;
    }

    /**
     * The version folder belongs to this run: records of earlier runs there are superseded and files this
     * run did not write are removed, so a non-versioned run leaves no stale files of an earlier one. Units this
     * run does not execute again keep their files: what it recorded before a crash, and (resume) the artifacts
     * of the units it carries over from the latest run, whose records it adopts first.
     */
    @Override
    public void beforeRun(Experiment experiment) {
        String folder = folder(experiment);
        String root = settings.root();
        int adopted = recorder.adopt(experiment.name(), experiment.version(), root, runId(experiment),
                carriedUnits.apply(runId(experiment), experiment.conditions()), UUID.fromString(experiment.id()));
        int superseded = recorder.supersedeOthers(experiment.name(), experiment.version(), root, runId(experiment));
        Set<String> mine = recorder.availableKeys(runId(experiment));
        int removed = 0;
        for (ArtifactStore.Entry file : store.list(root, folder)) {
            if (!mine.contains(file.key()) && store.delete(root, file.key())) {
                removed++;
            }
        }
        store.deleteUnfinishedWrites(root, folder);
        store.deleteEmptyFolders(root, folder);
        if (superseded > 0 || removed > 0) {
            experiment.log().info("Artifacts: " + folder + " is replaced by this run (" + superseded
                    + " earlier artifact records superseded, " + adopted + " kept for the units this run carries over, "
                    + removed + " earlier files removed)");
        }
        runBytes.set(recorder.totalSize(runId(experiment)));
    }

    @Override
    public void afterStep(Experiment experiment, StepInvocation step, Object data, FrozenContext ctx) {
        List<LoggedArtifact> logged = ctx.artifacts().drain();
        for (LoggedArtifact artifact : logged) {
            store(experiment, step, ctx, artifact);
        }
    }

    private void store(Experiment experiment, StepInvocation step, FrozenContext ctx, LoggedArtifact artifact) {
        long size = artifact.content().length;
        if (size > settings.maxArtifactBytes()) {
            throw new ArtifactLimitExceededException("artifact '" + artifact.name() + "' of step '" + step.type()
                    + "' is " + size + " bytes, over the limit of " + settings.maxArtifactBytes() + " bytes ("
                    + ArtifactProperties.MAX_ARTIFACT_SIZE + ")");
        }
        String key = key(experiment, step, ctx, artifact.name());
        reserve(experiment, artifact.name(), size);
        try {
            StoredFile stored = store.write(settings.root(), key, new ByteArrayInputStream(artifact.content()));
            long previous = recorder.record(new NewArtifact(runId(experiment), UUID.fromString(experiment.id()),
                    experiment.name(), experiment.version(), ctx.replicate(), ctx.condition(), step.index(),
                    step.type(), artifact.name(), settings.root(), key, stored,
                    artifact.contentType() != null ? artifact.contentType() : contentType(artifact.name())));
            runBytes.addAndGet(-previous);
        } catch (RuntimeException e) {
            runBytes.addAndGet(-size);
            throw e;
        }
    }

    private String key(Experiment experiment, StepInvocation step, FrozenContext ctx, String name) {
        if (!StorageKeys.isSafeSegment(ctx.condition())) {
            throw new IllegalArgumentException("condition '" + ctx.condition()
                    + "' is not a safe folder name, so its artifacts cannot be stored");
        }
        return folder(experiment) + "/" + StorageKeys.key("replicate_" + ctx.replicate(), ctx.condition(),
                step.type(), name);
    }

    private void reserve(Experiment experiment, String name, long size) {
        if (runBytes.get() < 0) {
            // Units on another node never saw beforeRun: start from what the run has recorded so far.
            runBytes.compareAndSet(-1, recorder.totalSize(runId(experiment)));
        }
        long total = runBytes.addAndGet(size);
        if (total > settings.maxRunBytes()) {
            runBytes.addAndGet(-size);
            throw new ArtifactLimitExceededException("artifact '" + name + "' would bring the run's artifacts to "
                    + total + " bytes, over the limit of " + settings.maxRunBytes() + " bytes ("
                    + ArtifactProperties.MAX_RUN_SIZE + ")");
        }
    }

    @Override
    public void afterRun(Experiment experiment, RunResult result) {
        String root = settings.root();
        String folder = folder(experiment);
        files.metadata(root, folder, experiment);
        for (String condition : result.conditions()) {
            if (!StorageKeys.isSafeSegment(condition)) {
                experiment.log().warn("Artifacts: no results.json for condition '" + condition
                        + "': not a safe folder name");
                continue;
            }
            // As crystallize: the baseline always gets its results; a treatment only when a replicate completed.
            boolean completed = condition.equals(ContextKeys.BASELINE_CONDITION) || result.units().stream()
                    .anyMatch(u -> u.condition().equals(condition) && u.status() == UnitStatus.COMPLETED);
            if (completed) {
                files.results(root, folder, condition, result.units());
            }
        }
        files.manifest(root, folder, recorder.manifest(runId(experiment)));
        if (settings.versioned()) {
            prune(experiment);
        }
    }

    private void prune(Experiment experiment) {
        Map<Integer, List<String>> deleted = new Retention(store)
                .apply(settings.root(), experiment.name(), settings.retention(), settings.thresholdBytes());
        deleted.forEach((version, keys) -> recorder.prune(experiment.name(), version, settings.root(), keys));
        if (!deleted.isEmpty()) {
            experiment.log().info("Artifacts: retention " + settings.retention() + " pruned "
                    + deleted.values().stream().mapToInt(List::size).sum() + " files of versions " + deleted.keySet());
        }
    }

    static String folder(Experiment experiment) {
        return StorageKeys.key(experiment.name(), "v" + experiment.version());
    }

    static String contentType(String name) {
        return MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
    }

    private static UUID runId(Experiment experiment) {
        return UUID.fromString(experiment.runId());
    }
}
