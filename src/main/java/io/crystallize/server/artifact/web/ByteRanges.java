package io.crystallize.server.artifact.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpRange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The {@code Range} rules of RFC 9110 §14.2: a header that is not a valid {@code bytes} range set (malformed, or
 * another unit) is ignored; a valid set with no satisfiable range is a 416; one satisfiable range is served as a 206.
 * Several ranges are ignored (the whole file, 200), which the RFC allows and which keeps a request from costing the
 * server one part per byte.
 */
final class ByteRanges {

    private ByteRanges() {
    }

    /** What a Range header asks of a file: nothing (ignore it), the impossible (416) or one part (206). */
    record Outcome(boolean unsatisfiable, long start, long end) {

        static Outcome ignored() {
            return new Outcome(false, -1, -1);
        }

        boolean partial() {
            return start >= 0;
        }

        long length() {
            return end - start + 1;
        }

        /** The part's bytes, streamed from the file (never all in memory). */
        Resource body(Resource file) {
            return new InputStreamResource(() -> {
                InputStream in = file.getInputStream();
                in.skipNBytes(start);
                return new Bounded(in, length());
            });
        }
    }

    static Outcome evaluate(String header, long length) {
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException malformed) {
            return Outcome.ignored();
        }
        if (ranges.isEmpty()) {
            return Outcome.ignored();
        }
        List<HttpRange> satisfiable = ranges.stream().filter(r -> satisfiable(r, length)).toList();
        if (satisfiable.isEmpty()) {
            return new Outcome(true, -1, -1);
        }
        if (ranges.size() > 1) {
            return Outcome.ignored();
        }
        HttpRange range = satisfiable.get(0);
        return new Outcome(false, range.getRangeStart(length), range.getRangeEnd(length));
    }

    /** A range that overlaps the file: its first byte lies before the file's end (a suffix of a non-empty file). */
    private static boolean satisfiable(HttpRange range, long length) {
        try {
            return length > 0 && range.getRangeStart(length) < length && range.getRangeEnd(length) >= range.getRangeStart(length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
