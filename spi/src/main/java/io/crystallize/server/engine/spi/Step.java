package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.Params;

/**
 * A registered computation {@code data, ctx -> data} (SPEC §1). It may add context keys, record metrics
 * and log artifacts on {@code ctx}, and must take all randomness from {@code ctx.random()}.
 * Implementations are stateless and thread-safe: one instance serves every unit of every run.
 */
public interface Step extends Described {

    Object apply(Object data, FrozenContext ctx, Params params) throws Exception;

    /** Once per run, before any unit, with the run's setup context (initial context only). */
    default void setup(FrozenContext setupContext, Params explicitParams) throws Exception {
    }

    /** Once per run, after the loop, even when it failed. */
    default void teardown(FrozenContext setupContext, Params explicitParams) throws Exception {
    }
}
