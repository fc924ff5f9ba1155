package io.crystallize.server.engine;

import java.util.List;
import java.util.Map;

/**
 * A step's effect, as the step cache keeps it: the data it returned, the context keys it added, the metric values
 * it recorded (in order), the artifacts it logged and how many values it drew from the unit's generator. A hit
 * replays all of it, so the unit continues exactly as if the step had run.
 */
public record CachedStep(Object output, Map<String, Object> written, List<Metric> metrics, List<LoggedArtifact> artifacts,
                         long draws) {

    /** One recorded metric value. */
    public record Metric(String name, Number value, Map<String, String> tags) {
    }
}
