package io.crystallize.server.web.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * Field names and short reasons for JSON that could not be read: a duplicate key or a number out of range is
 * reported at the field where the parser stood, in the same dotted form as validation errors
 * ({@code steps[0].params.n}), and never echoes more than a few characters of the input.
 */
final class JsonErrors {

    private static final int MAX_REASON = 200;

    private JsonErrors() {
    }

    /** Where the parser stood when it failed, e.g. {@code plugins[0].params.seed}; {@code body} at the top. */
    static String field(StreamReadException e) {
        JsonParser parser = e.processor();
        if (parser == null) {
            return "body";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "body" : shorten(path);
    }

    /** What a field of the wrong JSON type should have been, e.g. "must be an integer (JSON number without fraction)". */
    static String wrongType(tools.jackson.databind.DatabindException e) {
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            String expected = t == Integer.class || t == int.class || t == Long.class || t == long.class
                    ? "an integer (a JSON number without fraction or exponent, in range)"
                    : t == String.class ? "a string" : t == Boolean.class || t == boolean.class ? "a boolean"
                    : Number.class.isAssignableFrom(t) || t == double.class ? "a number"
                    : java.util.Collection.class.isAssignableFrom(t) ? "an array"
                    : java.util.Map.class.isAssignableFrom(t) || t.isRecord() ? "an object" : "of type " + t.getSimpleName();
            return "must be " + expected;
        }
        return "has the wrong type or shape: " + reason(e);
    }

    /** The first line of Jackson's own message, without its location suffix, shortened. */
    static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "is not readable JSON";
        }
        int nl = message.indexOf('\n');
        return shorten(nl < 0 ? message : message.substring(0, nl));
    }

    private static String shorten(String s) {
        return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "…" : s;
    }
}
