package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Step;

import java.util.List;
import java.util.Map;

/**
 * One step of a pipeline: its position, its registered implementation, its explicit params, the step's
 * declared params (read once here, not once per unit) and whether its output may be served from the step cache.
 */
public record StepInvocation(int index, Step step, Map<String, Object> explicitParams, List<ParamSpec> specs,
                             boolean cache) {

    public StepInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
        specs = specs == null ? List.of() : List.copyOf(specs);
    }

    public StepInvocation(int index, Step step, Map<String, Object> explicitParams) {
        this(index, step, explicitParams, false);
    }

    /** A step whose output is cached when {@code cache} (SPEC §7). */
    public StepInvocation(int index, Step step, Map<String, Object> explicitParams, boolean cache) {
        this(index, step, explicitParams, step.params(), cache);
    }

    public String type() {
        return step.type();
    }
}
