package io.crystallize.server.web.internal;

import org.springframework.http.HttpStatus;

/** The problem+json body of answers given outside Spring MVC (filters, the error controller, Jetty.s error handler). */
final class ContainerProblems {

    private ContainerProblems() {
    }

    static String json(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"" + io.crystallize.server.problem.ProblemType.uriOf(status) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    /** Answers {@code status} with this problem body, from a filter (before Spring MVC). */
    static void write(jakarta.servlet.http.HttpServletResponse response, int status, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json(status, detail).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
