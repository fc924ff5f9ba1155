package io.crystallize.server.engine;

import java.util.Set;

/** The names SPEC §1 makes part of the contract. */
public final class ContextKeys {

    public static final String BASELINE_CONDITION = "baseline";
    public static final String REPLICATE_KEY = "replicate";
    public static final String CONDITION_KEY = "condition";
    public static final String SEED_USED_KEY = "seed_used";
    public static final String METADATA_FILENAME = "metadata.json";

    /** Keys the engine sets on every unit context; treatments and initial contexts may not use them. */
    public static final Set<String> RESERVED = Set.of(REPLICATE_KEY, CONDITION_KEY, SEED_USED_KEY);

    private ContextKeys() {
    }

    /** The error/skip key of a unit: {@code baseline_rep_3}, {@code boost_rep_0}. */
    public static String unitKey(String condition, int replicate) {
        return condition + "_rep_" + replicate;
    }
}
