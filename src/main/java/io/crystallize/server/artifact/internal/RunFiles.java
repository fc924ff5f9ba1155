package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.Experiment;
import tools.jackson.databind.json.JsonMapper;

import io.crystallize.server.engine.MetricNumbers;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.UnitStatus;
import tools.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run-level files crystallize writes into a version folder after a run (reference §7.1, §12):
 * {@code metadata.json}, per condition {@code results.json} and the completion marker, and
 * {@code _manifest.json}. Tools that read crystallize's folders (resume, metric history) read these.
 */
final class RunFiles {

    static final String METADATA = ContextKeys.METADATA_FILENAME;
    static final String MANIFEST = "_manifest.json";
    static final String COMPLETE_MARKER = ".crystallize_complete";

    private final ArtifactStore store;
    private final JsonMapper json;

    RunFiles(ArtifactStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    void metadata(String root, String folder, Experiment experiment) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("replicates", experiment.replicates());
        metadata.put("id", experiment.id());
        metadata.put("name", experiment.name());
        write(root, folder + "/" + METADATA, json.writeValueAsBytes(metadata));
    }

    /**
     * {@code <condition>/results.json} with the metrics of the condition's completed units in replicate order
     * ({@code units} are), and its marker.
     */
    void results(String root, String folder, String condition, List<UnitOutcome> units) {
        String conditionFolder = folder + "/" + StorageKeys.key(condition);
        Path file = null;
        try {
            // Through a file: the JSON of a million units is over 100 MB, more than a small heap should hold at once.
            file = Files.createTempFile("crystallize-results-", ".json");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                resultsJson(condition, units, out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                store.write(root, conditionFolder + "/" + Retention.RESULTS, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write results.json of condition '" + condition + "'", e);
        } finally {
            FileSystemArtifactStore.deleteQuietly(file);
        }
        write(root, conditionFolder + "/" + COMPLETE_MARKER, new byte[0]);
    }

    /**
     * {@code {"metrics": {name: [values]}}} of the condition's completed units — the bytes data binding writes for
     * {@link io.crystallize.server.engine.MetricAggregation#valuesByCondition}'s map of the condition — by the
     * streaming generator, one metric at a time, with no value boxed into a list.
     */
    void resultsJson(String condition, List<UnitOutcome> units, OutputStream out) {
        Set<String> names = new LinkedHashSet<>();
        for (UnitOutcome u : units) {
            if (u.status() == UnitStatus.COMPLETED && u.condition().equals(condition)) {
                names.addAll(u.metrics().keySet());
            }
        }
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("metrics");
            g.writeStartObject();
            MetricNumbers.Sink numbers = new MetricNumbers.Sink() {
                @Override
                public void add(double value) {
                    g.writeNumber(value);
                }

                @Override
                public void add(long value) {
                    g.writeNumber(value);
                }

                @Override
                public void other(Number value) {
                    json.writeValue(g, value);
                }
            };
            for (String name : names) {
                g.writeName(name);
                g.writeStartArray();
                for (UnitOutcome u : units) {
                    if (u.status() == UnitStatus.COMPLETED && u.condition().equals(condition)) {
                        MetricNumbers.forEach(u.metrics(), name, numbers);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    void manifest(String root, String folder, Map<String, String> manifest) {
        write(root, folder + "/" + MANIFEST, json.writeValueAsBytes(manifest));
    }

    private void write(String root, String key, byte[] bytes) {
        store.write(root, key, new ByteArrayInputStream(bytes));
    }
}
