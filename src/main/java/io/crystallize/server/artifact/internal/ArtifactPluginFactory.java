package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;
import io.crystallize.server.engine.spi.RunPreparation;
import io.crystallize.server.run.RunLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code artifacts} plugin type. {@code artifactRetention} and {@code bigFileThresholdMb} have no declared
 * default so that "absent from the definition" can be told apart from "set to the default": only when absent
 * do the environment overrides apply (SPEC §5), read through Spring's {@link Environment} so that they can be
 * set as OS variables or as properties.
 */
@Component
class ArtifactPluginFactory implements PluginFactory {

    static final String RETENTION_ENV = "CRYSTALLIZE_ARTIFACT_RETENTION";
    static final String THRESHOLD_ENV = "CRYSTALLIZE_BIG_FILE_THRESHOLD_MB";
    static final int DEFAULT_RETENTION = 3;
    static final int DEFAULT_THRESHOLD_MB = 10;
    private static final Logger log = LoggerFactory.getLogger(ArtifactPluginFactory.class);

    private final ArtifactProperties properties;
    private final Environment environment;
    private final ArtifactStore store;
    private final ArtifactRecorder recorder;
    private final RunFiles files;
    private final RunLookup runs;

    ArtifactPluginFactory(ArtifactProperties properties, Environment environment, ArtifactStore store,
                          ArtifactRecorder recorder, JsonMapper json, RunLookup runs) {
        this.runs = runs;
        this.properties = properties;
        this.environment = environment;
        this.store = store;
        this.recorder = recorder;
        this.files = new RunFiles(store, json);
    }

    @Override
    public String type() {
        return "artifacts";
    }

    @Override
    public String description() {
        return "Writes the artifacts steps log to <rootDir>/<experiment>/v<version>/replicate_<n>/<condition>/<step>/<name>,"
                + " records them for download, and after the run writes metadata.json, per condition results.json"
                + " and _manifest.json. Versioned runs get a new version each; retention prunes older versions.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("rootDir", "string", "./data",
                        "the root folder; absent: crystallize.artifacts.root-dir (./data). It must lie inside the root "
                                + "or one of crystallize.artifacts.allowed-roots, and <rootDir>/<experiment> must not lie "
                                + "inside, contain or be another experiment's folder"),
                ParamSpec.optional("versioned", "boolean", false,
                        "a new version folder per run; otherwise every run replaces v0"),
                ParamSpec.optional("artifactRetention", "integer", DEFAULT_RETENTION, "versions that keep their artifacts (all "
                        + "when <= 0); absent: " + RETENTION_ENV + " if set, else " + DEFAULT_RETENTION)
                        .withIntRange(Integer.MIN_VALUE, Integer.MAX_VALUE),
                ParamSpec.optional("bigFileThresholdMb", "number", DEFAULT_THRESHOLD_MB, "in kept versions but the newest, files "
                        + "over this many MiB are deleted; absent: " + THRESHOLD_ENV + " if set, else "
                        + DEFAULT_THRESHOLD_MB).withMinimum(0));
    }

    /**
     * An explicit rootDir must lie inside the configured root or an allowed root (real paths: clients cannot write
     * anywhere, not through a symlink either), and not inside a version folder ({@code v<number>}) of another
     * experiment, whose runs would then delete its files. That the folder overlaps no other experiment's is checked
     * against the stored ones when the experiment is created ({@link ExperimentFolders}).
     */
    @Override
    public Map<String, String> validate(Map<String, Object> explicitParams) {
        if (!(explicitParams.get("rootDir") instanceof String dir) || dir.isBlank()) {
            return Map.of();
        }
        if (dir.length() > 4096 || dir.chars().anyMatch(Character::isISOControl)) {
            return Map.of("rootDir", "must be a path of at most 4096 characters without control characters (NUL …)");
        }
        java.util.Optional<java.nio.file.Path> root;
        try {
            root = properties.allowedRoot(dir);
        } catch (java.nio.file.InvalidPathException | java.io.UncheckedIOException e) {
            return Map.of("rootDir", "is not a usable path");
        }
        if (root.isEmpty()) {
            return Map.of("rootDir", "must lie inside " + properties.rootDir() + " or one of crystallize.artifacts."
                    + "allowed-roots " + properties.allowedRoots() + " (symbolic links resolved)");
        }
        for (java.nio.file.Path segment : root.get().relativize(RealPaths.of(dir))) {
            if (VERSION_FOLDER.matcher(segment.toString()).matches()) {
                return Map.of("rootDir", "must not lie inside a version folder (v<number>) of an experiment");
            }
        }
        return Map.of();
    }

    /** Added to every run that lacks it, first of the defaults. */
    @Override
    public OptionalInt defaultPosition() {
        return OptionalInt.of(0);
    }

    /** Versioned: one more than the experiment's highest version; otherwise every run replaces v0 (SPEC §3). */
    @Override
    public void prepare(Params params, RunPreparation run) {
        run.version(params.getBoolean("versioned") ? run.latestVersion() + 1 : 0);
    }
    private static final java.util.regex.Pattern VERSION_FOLDER = java.util.regex.Pattern.compile("(?i)v\\d+");

    @Override
    public ExperimentPlugin create(Params params) {
        return new ArtifactPlugin(settings(params), store, recorder, files, this::storedUnits);
    }

    /**
     * The units already stored for a run (a resumed run's copies, or units done before a crash): every stored
     * unit has its seed recorded, because the seed plugin joins every run.
     */
    private Set<String> storedUnits(UUID runId, List<String> conditions) {
        return runs.seeds(runId, conditions).stream().map(s -> ArtifactRecorder.unit(s.replicate(), s.condition()))
                .collect(Collectors.toSet());
    }

    ArtifactSettings settings(Params params) {
        String rootDir = params.isExplicit("rootDir") && !params.getString("rootDir").isBlank()
                ? params.getString("rootDir") : properties.rootDir();
        // SPEC §5: the environment overrides apply only when the param is absent from the definition.
        int retention = params.isExplicit("artifactRetention") ? params.getInt("artifactRetention")
                : fromEnvironment(RETENTION_ENV, DEFAULT_RETENTION);
        double thresholdMb = params.isExplicit("bigFileThresholdMb") ? params.getDouble("bigFileThresholdMb")
                : fromEnvironment(THRESHOLD_ENV, DEFAULT_THRESHOLD_MB);
        return new ArtifactSettings(store.root(rootDir), params.getBoolean("versioned"), retention,
                (long) (thresholdMb * 1024 * 1024), properties.maxArtifactSize().toBytes(),
                properties.maxRunSize().toBytes());
    }

    /** An integer from the environment; unset gives the default, and so does an unparsable value (as crystallize). */
    private int fromEnvironment(String name, int fallback) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            log.warn("{}='{}' is not an integer; using {}", name, value, fallback);
            return fallback;
        }
    }
}
