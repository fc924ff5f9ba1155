package io.crystallize.server.artifact.web;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpRange;

import java.util.List;

/**
 * The {@code Range} rules of RFC 9110 §14.2: a header that is not a valid {@code bytes} range set (malformed, or
 * another unit) is ignored; a valid set with no satisfiable range is a 416; otherwise the ranges' regions (at most
 * {@link #MAX_RANGES}; more is treated as malformed, as the RFC allows, so it cannot cost the server a part per byte).
 */
final class ByteRanges {

    static final int MAX_RANGES = 100;

    private ByteRanges() {
    }

    /** What a Range header asks of a file: nothing (ignore it), the impossible (416) or these regions (206). */
    record Outcome(boolean unsatisfiable, List<ResourceRegion> regions) {

        static Outcome ignored() {
            return new Outcome(false, null);
        }
    }

    static Outcome evaluate(String header, Resource resource, long length) {
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException malformed) {
            return Outcome.ignored();
        }
        if (ranges.isEmpty() || ranges.size() > MAX_RANGES) {
            return Outcome.ignored();
        }
        List<HttpRange> satisfiable = ranges.stream().filter(r -> satisfiable(r, length)).toList();
        if (satisfiable.isEmpty()) {
            return new Outcome(true, null);
        }
        try {
            return new Outcome(false, HttpRange.toResourceRegions(satisfiable, resource));
        } catch (IllegalArgumentException tooMuch) {
            // The ranges add up to more than the file (overlaps): serve it whole rather than amplify.
            return Outcome.ignored();
        }
    }

    /** A range that overlaps the file: first byte before its end, or a non-empty suffix of a non-empty file. */
    private static boolean satisfiable(HttpRange range, long length) {
        try {
            return length > 0 && range.getRangeStart(length) < length && range.getRangeEnd(length) >= range.getRangeStart(length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
