package io.crystallize.server.engine;

import java.time.Duration;

/**
 * What one unit may use: metric values it may record, its time (null: unbounded), and the node-wide memory
 * budget its data is reserved from. The service sets them from {@code crystallize.limits.*}; plain engine use
 * gets {@link #NONE}.
 *
 * @param maxMetricValues metric values one unit may record, over all its metrics
 * @param unitTimeout     the longest a unit may run; past it, at its next step boundary or while it sleeps, it fails
 * @param memory          the node's budget of bytes that units' data may hold at once
 */
public record UnitLimits(int maxMetricValues, Duration unitTimeout, MemoryBudget memory) {

    /** No bounds. */
    public static final UnitLimits NONE = new UnitLimits(Integer.MAX_VALUE, null, MemoryBudget.unlimited());
}
