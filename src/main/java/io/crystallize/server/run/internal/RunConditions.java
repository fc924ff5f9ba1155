package io.crystallize.server.run.internal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** A run's conditions ({@code baseline} and its active treatments, in order), stored as a JSON list. */
final class RunConditions {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private RunConditions() {
    }

    static List<String> of(Run run, JsonMapper json) {
        return json.readValue(run.getConditionsJson(), STRINGS);
    }
}
