package io.crystallize.server.run.web;

import io.crystallize.server.run.StoredResults;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Answers with a stored gzip document: the stored bytes with {@code Content-Encoding: gzip} when the client
 * accepts gzip (the container then leaves them alone), else the JSON inflated as it is written.
 */
final class StoredBodies {

    private StoredBodies() {
    }

    /**
     * Both bodies are written on the request's thread by a message converter (a {@link StreamingResponseBody}
     * would be written on another one, after an async dispatch): the gzip bytes, in memory already, as a byte
     * array; the JSON as an {@link InputStreamResource} inflating them as it is copied (no range support, no
     * second copy).
     */
    static ResponseEntity<Object> json(StoredResults stored, String acceptEncoding) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(stored.etag()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            byte[] gzip = stored.gzip();
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").contentLength(gzip.length).body(gzip);
        }
        try {
            InputStream json = new GZIPInputStream(new ByteArrayInputStream(stored.gzip()), 1 << 16);
            return ok.contentLength(stored.jsonSize()).body(new InputStreamResource(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored results document is not gzip", e);
        }
    }

    /** {@code gzip} listed without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] fields = part.trim().split(";");
            if ((fields[0].trim().equals("gzip") || fields[0].trim().equals("*"))
                    && !(fields.length > 1 && fields[1].replace(" ", "").matches("q=0(\\.0*)?"))) {
                return true;
            }
        }
        return false;
    }
}
