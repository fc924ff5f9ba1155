package io.crystallize.server.engine;

import java.util.List;

/**
 * The provenance of one step of one unit (SPEC §7): the context keys it read (params resolved from the context
 * included) and wrote, the metrics it recorded, and whether its output came from the step cache.
 */
public record StepRecord(int step, String type, List<String> read, List<String> written, List<String> metrics,
                         boolean cacheHit) {
}
