package io.crystallize.server.run;

import java.util.List;

/**
 * Overrides for one run (all optional): replicates, a subset of treatments, the strategy
 * ({@code rerun}, the default, or {@code resume}) and debug (one replicate, verbose logging, no hypotheses).
 */
public record RunRequest(Integer replicates, List<String> treatments, String strategy, Boolean debug) {

    public static final RunRequest DEFAULTS = new RunRequest(null, null, null, null);
}
