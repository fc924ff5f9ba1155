package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Step;

import java.util.List;
import java.util.Map;

/**
 * One step of a pipeline: its position, its registered implementation, its explicit params and the step's
 * declared params (read once here, not once per unit).
 */
public record StepInvocation(int index, Step step, Map<String, Object> explicitParams, List<ParamSpec> specs) {

    public StepInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
        specs = specs == null ? List.of() : List.copyOf(specs);
    }

    public StepInvocation(int index, Step step, Map<String, Object> explicitParams) {
        this(index, step, explicitParams, step.params());
    }

    public String type() {
        return step.type();
    }
}
