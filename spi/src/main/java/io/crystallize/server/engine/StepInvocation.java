package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Step;

import java.util.Map;

/** One step of a pipeline: its position, its registered implementation and its explicit params. */
public record StepInvocation(int index, Step step, Map<String, Object> explicitParams) {

    public StepInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
    }

    public String type() {
        return step.type();
    }
}
