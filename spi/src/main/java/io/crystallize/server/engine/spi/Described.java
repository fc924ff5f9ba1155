package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.ParamSpec;

import java.util.List;

/** What every catalog entry tells about itself: its type name, a description and its parameters. */
public interface Described {

    /** The type name used in definitions, e.g. {@code math.add}. Unique within its kind. */
    String type();

    String description();

    List<ParamSpec> params();

    /**
     * Rules on explicit params beyond their types (checked at submission): param name → problem.
     * Empty when the params are fine, which is the default.
     */
    default java.util.Map<String, String> validate(java.util.Map<String, Object> explicitParams) {
        return java.util.Map.of();
    }
}
