package io.crystallize.server.artifact.web;

import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download: a plain-ASCII file name, plus the exact name in RFC 5987 form. */
final class Downloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    static String attachment(String name) {
        String header = "attachment; filename=\"" + asciiFallback(name) + "\"";
        return asciiFallback(name).equals(name) ? header : header + "; filename*=UTF-8''" + encode(name);
    }

    /** Letters, digits and a few punctuation marks kept; everything else (quotes, backslashes, non-ASCII) → '_'. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "._-+()[] ".indexOf(c) >= 0);
            out.append(plain ? c : '_');
        }
        return out.toString();
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
