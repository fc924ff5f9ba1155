package io.crystallize.server.artifact.internal;

import java.nio.charset.StandardCharsets;

/** Builds and checks store keys: segments that are plain file names, joined by {@code /}. */
final class StorageKeys {

    static final int MAX_SEGMENT_BYTES = 255;

    private StorageKeys() {
    }

    /** Joins segments after checking each; a segment that could leave its folder is an {@link IllegalArgumentException}. */
    static String key(String... segments) {
        StringBuilder key = new StringBuilder();
        for (String s : segments) {
            requireSegment(s);
            key.append(key.isEmpty() ? "" : "/").append(s);
        }
        return key.toString();
    }

    static boolean isSafeSegment(String s) {
        if (s == null || s.isEmpty() || s.equals(".") || s.equals("..")) {
            return false;
        }
        if (s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return s.getBytes(StandardCharsets.UTF_8).length <= MAX_SEGMENT_BYTES;
    }

    static void requireSegment(String s) {
        if (!isSafeSegment(s)) {
            throw new IllegalArgumentException("'" + printable(s) + "' is not a safe file or folder name "
                    + "(empty, '.', '..', a path separator or a control character, or over "
                    + MAX_SEGMENT_BYTES + " bytes)");
        }
    }

    /** Every segment of a stored key checked again, so a key from anywhere cannot escape the root. */
    static String[] split(String key) {
        if (key == null || key.isEmpty()) {
            return new String[0];
        }
        String[] segments = key.split("/", -1);
        for (String s : segments) {
            requireSegment(s);
        }
        return segments;
    }

    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c) ? "\\u" + String.format("%04x", c)
                : new String(Character.toChars(c))));
        return s.codePointCount(0, s.length()) > 80 ? out + "…" : out.toString();
    }
}
