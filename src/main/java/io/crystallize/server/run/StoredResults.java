package io.crystallize.server.run;

/** A finished run's results document as stored: its strong ETag, the size of its JSON, its gzip bytes. */
public record StoredResults(String etag, long jsonSize, byte[] gzip) {
}
