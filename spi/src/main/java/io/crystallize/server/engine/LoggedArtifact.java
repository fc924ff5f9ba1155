package io.crystallize.server.engine;

/**
 * An artifact a step logged: a file name, its bytes and, when the step knows it, its media type (null: the
 * artifact plugin derives it from the name).
 */
public record LoggedArtifact(String name, byte[] content, String contentType) {

    public LoggedArtifact(String name, byte[] content) {
        this(name, content, null);
    }
}
