package io.crystallize.server.engine;

/** An artifact a step logged: a file name and its bytes. */
public record LoggedArtifact(String name, byte[] content) {
}
