package io.crystallize.server.experiment.internal;

import io.crystallize.server.experiment.ExperimentDefinition;

import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPEC §5: the SHA-256 of the canonical JSON (keys sorted, no spaces) of the pipeline — the datasource and
 * the steps' types and explicit params, in order. Treatments, replicates and plugins do not change it.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(ExperimentDefinition d, JsonMapper json) {
        Map<String, Object> pipeline = new TreeMap<>();
        pipeline.put("datasource", component(d.datasource()));
        pipeline.put("steps", d.steps().stream().map(Fingerprint::component).toList());
        try {
            byte[] canonical = json.writeValueAsBytes(canonical(pipeline));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> component(ExperimentDefinition.ComponentSpec c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", c.type());
        m.put("params", c.params());
        return m;
    }

    /** Sorts every map by key, recursively, so equal pipelines give equal bytes. */
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Fingerprint::canonical).toList();
        }
        return value;
    }
}
