package io.crystallize.server.engine;

import java.util.Map;

/** A named map of context additions. A treatment named {@code baseline} replaces the baseline's additions. */
public record Treatment(String name, Map<String, Object> context) {

    public Treatment {
        context = context == null ? Map.of() : context;
    }
}
