package io.crystallize.server.artifact.internal;

/** What a store wrote: the number of bytes and their SHA-256 in lower-case hex. */
public record StoredFile(long sizeBytes, String sha256) {
}
