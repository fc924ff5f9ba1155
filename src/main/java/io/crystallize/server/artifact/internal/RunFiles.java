package io.crystallize.server.artifact.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.Experiment;
import tools.jackson.databind.json.JsonMapper;

import tools.jackson.core.JsonGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

    /** {@code <condition>/results.json} with the condition's metrics in replicate order, and its marker. */
    void results(String root, String folder, String condition, Map<String, List<Number>> metrics) {
        String conditionFolder = folder + "/" + StorageKeys.key(condition);
        write(root, conditionFolder + "/" + Retention.RESULTS, resultsJson(metrics));
        write(root, conditionFolder + "/" + COMPLETE_MARKER, new byte[0]);
    }

    /**
     * {@code {"metrics": {name: [values]}}}, the bytes data binding writes for the map, by the streaming generator:
     * a value of a million-unit run is a number written, not a serializer looked up.
     */
    byte[] resultsJson(Map<String, List<Number>> metrics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 24 * metrics.values().stream().mapToInt(List::size).sum());
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("metrics");
            g.writeStartObject();
            for (Map.Entry<String, List<Number>> metric : metrics.entrySet()) {
                g.writeName(metric.getKey());
                g.writeStartArray();
                for (Number n : metric.getValue()) {
                    if (n instanceof Double d) {
                        g.writeNumber(d.doubleValue());
                    } else if (n instanceof Long l) {
                        g.writeNumber(l.longValue());
                    } else if (n instanceof Integer i) {
                        g.writeNumber(i.intValue());
                    } else {
                        json.writeValue(g, n);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    void manifest(String root, String folder, Map<String, String> manifest) {
        write(root, folder + "/" + MANIFEST, json.writeValueAsBytes(manifest));
    }

    private void write(String root, String key, byte[] bytes) {
        store.write(root, key, new ByteArrayInputStream(bytes));
    }
}
