package io.crystallize.server.web.internal;

import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.problem.ProblemType;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Serves the page every problem {@code type} points to ({@link ProblemType}), and an index of them. */
@RestController
class ProblemPagesController {

    @GetMapping(value = "/problems", produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        String items = Arrays.stream(ProblemType.values())
                .map(t -> "<li><a href=\"" + t.uri() + "\">" + t.status() + " " + HtmlUtils.htmlEscape(t.title()) + "</a></li>")
                .collect(Collectors.joining("\n"));
        return page("Problem types", "<p>Every error of the API is an RFC 9457 <code>application/problem+json</code> "
                + "whose <code>type</code> is one of these pages.</p>\n<ul>\n" + items + "\n</ul>");
    }

    @GetMapping(value = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String type(@PathVariable String slug) {
        ProblemType t = ProblemType.bySlug(slug).orElseThrow(() -> new NotFoundException("problem type", slug));
        String text = HtmlUtils.htmlEscape(t.description()).replaceAll("`([^`]*)`", "<code>$1</code>");
        return page(t.status() + " " + t.title(), "<p><code>type</code>: <code>" + t.uri() + "</code>, status "
                + t.status() + "</p>\n<p>" + text + "</p>\n<p><a href=\"/problems\">All problem types</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                + " · Crystallize Server</title></head>\n<body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>\n" + body
                + "\n</body></html>\n";
    }
}
