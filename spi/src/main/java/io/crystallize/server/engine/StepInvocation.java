package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Step;

import java.util.Map;

/**
 * One step of a pipeline: its position, its registered implementation, its explicit params and whether its
 * output may be served from the step cache.
 */
public record StepInvocation(int index, Step step, Map<String, Object> explicitParams, boolean cache) {

    public StepInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
    }

    public StepInvocation(int index, Step step, Map<String, Object> explicitParams) {
        this(index, step, explicitParams, false);
    }

    public String type() {
        return step.type();
    }
}
