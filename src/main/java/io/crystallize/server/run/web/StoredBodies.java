package io.crystallize.server.run.web;

import io.crystallize.server.run.StoredResults;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Answers with a stored gzip document: the stored bytes with {@code Content-Encoding: gzip} when the client
 * accepts gzip (the container then leaves them alone), else the JSON inflated as it is written.
 */
final class StoredBodies {

    private StoredBodies() {
    }

    static ResponseEntity<StreamingResponseBody> json(StoredResults stored, String acceptEncoding) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(stored.etag()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            byte[] gzip = stored.gzip();
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").contentLength(gzip.length).body(out -> out.write(gzip));
        }
        return ok.contentLength(stored.jsonSize()).body(out -> {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored.gzip()), 1 << 16)) {
                in.transferTo(out);
            }
        });
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
