package io.crystallize.server.remote.internal;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * What a remote said about its own failure, for the unit's error: the {@code title} and {@code detail} of an
 * RFC 9457 problem (or any JSON object with them), else the start of the body as text.
 */
@Component
class ProblemText {

    static final int MAX_CHARS = 500;

    private final JsonMapper json;

    ProblemText(JsonMapper json) {
        this.json = json;
    }

    String of(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        try {
            JsonNode node = json.readTree(text);
            String title = field(node, "title");
            String detail = field(node, "detail");
            if (title != null || detail != null) {
                return abbreviate(title == null ? detail : detail == null ? title : title + ": " + detail);
            }
        } catch (JacksonException notJson) {
            // a plain-text (or HTML) answer: its start says enough
        }
        return abbreviate(text);
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.isObject() ? node.get(name) : null;
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    static String abbreviate(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
