package io.crystallize.server.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The artifacts logged by the current step of a unit. The artifact plugin drains it after every step,
 * so two steps may log the same file name (they land in different step folders), one step may not.
 */
public final class ArtifactLog {

    private final List<LoggedArtifact> pending = new ArrayList<>();

    public void add(String name, byte[] content) {
        add(name, content, null);
    }

    /** Logs an artifact whose media type the step knows (e.g. a remote component said it); null derives it. */
    public synchronized void add(String name, byte[] content, String contentType) {
        ArtifactNames.requireValid(name);
        for (LoggedArtifact a : pending) {
            if (a.name().equals(name)) {
                throw new ContextMutationException("Artifact '" + name + "' already written in this step");
            }
        }
        pending.add(new LoggedArtifact(name, content.clone(), contentType));
    }

    /** Removes and returns what was logged since the last drain. */
    public synchronized List<LoggedArtifact> drain() {
        List<LoggedArtifact> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** What was logged since the last drain, left in place. */
    public synchronized List<LoggedArtifact> pending() {
        return List.copyOf(pending);
    }

    public synchronized boolean isEmpty() {
        return pending.isEmpty();
    }
}
