package io.crystallize.server.run;

/** A value and its ETag (quoted, as the header carries it). */
public record Tagged<T>(String etag, T value) {
}
