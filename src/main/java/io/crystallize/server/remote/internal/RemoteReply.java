package io.crystallize.server.remote.internal;

import io.crystallize.server.engine.ArtifactNames;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.remote.RemoteCallException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote's 200 answer {@code {data, metrics, artifacts, log}}, checked as a whole before anything is recorded,
 * so a malformed answer records nothing and is that unit's {@link RemoteCallException}.
 */
record RemoteReply(Object data, Map<String, List<Number>> metrics, List<Artifact> artifacts, List<String> log) {

    /** Longest log line kept; the rest of a line is cut. */
    static final int MAX_LOG_LINE = 2000;

    record Artifact(String name, String contentType, byte[] content) {
    }

    static RemoteReply parse(JsonMapper json, byte[] body, RemoteDefinition d) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw malformed(d, "not JSON (" + ProblemText.abbreviate(String.valueOf(e.getOriginalMessage())) + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed(d, "the body must be a JSON object {data, metrics, artifacts, log}");
        }
        Object data = root.has("data") ? json.treeToValue(root.get("data"), Object.class) : null;
        return new RemoteReply(data, metrics(root.get("metrics"), d), artifacts(root.get("artifacts"), d),
                log(root.get("log"), d));
    }

    /** Records the metrics, artifacts and log lines on the unit's context and returns the output data. */
    Object recordOn(FrozenContext ctx, RemoteDefinition d) {
        metrics.forEach((name, values) -> values.forEach(v -> ctx.metrics().add(name, v)));
        artifacts.forEach(a -> ctx.artifacts().add(a.name(), a.content(), a.contentType()));
        String prefix = "remote " + d.type() + " replicate=" + ctx.replicate() + " condition=" + ctx.condition() + ": ";
        log.forEach(line -> ctx.log().info(prefix + line));
        return data;
    }

    private static Map<String, List<Number>> metrics(JsonNode node, RemoteDefinition d) {
        Map<String, List<Number>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw malformed(d, "metrics must be an object of name: number | [numbers]");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            List<Number> values = new ArrayList<>();
            if (value.isNumber()) {
                values.add(value.numberValue());
            } else if (value.isArray()) {
                for (JsonNode v : value) {
                    if (!v.isNumber()) {
                        throw malformed(d, "metrics." + name + " must be a number or a list of numbers");
                    }
                    values.add(v.numberValue());
                }
            } else {
                throw malformed(d, "metrics." + name + " must be a number or a list of numbers");
            }
            if (name.isBlank()) {
                throw malformed(d, "a metric name must not be blank");
            }
            out.put(name, values);
        }
        return out;
    }

    private static List<Artifact> artifacts(JsonNode node, RemoteDefinition d) {
        List<Artifact> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw malformed(d, "artifacts must be a list of {name, contentType, base64}");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            String at = "artifacts[" + i + "]";
            String name = text(a, "name", at, d, true);
            String base64 = text(a, "base64", at, d, true);
            String contentType = text(a, "contentType", at, d, false);
            try {
                ArtifactNames.requireValid(name);
            } catch (IllegalArgumentException e) {
                throw malformed(d, at + ".name: " + e.getMessage());
            }
            if (contentType != null) {
                try {
                    contentType = MediaType.parseMediaType(contentType).toString();
                } catch (InvalidMediaTypeException e) {
                    throw malformed(d, at + ".contentType is not a media type: " + contentType);
                }
            }
            try {
                out.add(new Artifact(name, contentType, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw malformed(d, at + ".base64 is not base64: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> log(JsonNode node, RemoteDefinition d) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw malformed(d, "log must be a list of strings");
        }
        for (JsonNode line : node) {
            String s = line.isValueNode() ? line.asString() : line.toString();
            out.add(s.length() <= MAX_LOG_LINE ? s : s.substring(0, MAX_LOG_LINE) + "…");
        }
        return out;
    }

    private static String text(JsonNode node, String field, String at, RemoteDefinition d, boolean required) {
        JsonNode value = node != null && node.isObject() ? node.get(field) : null;
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(d, at + "." + field + " is missing");
            }
            return null;
        }
        if (!value.isString()) {
            throw malformed(d, at + "." + field + " must be a string");
        }
        return value.asString();
    }

    private static RemoteCallException malformed(RemoteDefinition d, String problem) {
        return new RemoteCallException(d.type(), d.url().toString(), 200,
                d.label() + " answered 200 with a malformed body: " + problem);
    }
}
