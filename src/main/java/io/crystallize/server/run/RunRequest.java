package io.crystallize.server.run;

import java.util.List;

/**
 * Overrides for one run (all optional): replicates, a subset of treatments, the strategy
 * ({@code rerun}, the default, or {@code resume}), debug (one replicate, verbose logging, no hypotheses) and
 * withUpstream (first run every experiment this one reads through {@code artifact} datasources, SPEC §7).
 */
public record RunRequest(Integer replicates, List<String> treatments, String strategy, Boolean debug,
                         Boolean withUpstream) {

    public static final RunRequest DEFAULTS = new RunRequest(null, null, null, null, null);

    public RunRequest(Integer replicates, List<String> treatments, String strategy, Boolean debug) {
        this(replicates, treatments, strategy, debug, null);
    }
}
