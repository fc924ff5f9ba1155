package io.crystallize.server.catalog;

import io.crystallize.server.engine.MemoryBudget;
import io.crystallize.server.engine.UnitLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * What one unit, one run and one node may use ({@code crystallize.limits.*}, documented in docs/limits.md). The
 * bounds the definition fixes (values a datasource makes, sleeps) are checked at submission through the catalog's
 * param specs; the rest at run time.
 *
 * @param maxValuesPerUnit       numbers a datasource may create for one unit ({@code n}, the span of a {@code range})
 * @param maxMetricValuesPerUnit metric values one unit may record; more fails the unit
 * @param unitTimeout            the longest one unit may run; past it the unit fails (its error names this property)
 * @param runTimeout             the longest one run may run, from its start; past it the run is FAILED
 * @param nodeUnitMemory         bytes that the data of all units executing on this node may hold at once; units wait
 *                               for their share. Absent: a quarter of the JVM's maximum heap
 * @param maxArtifactJsonSize    the largest JSON an {@code artifact.json} step may write (bytes between steps)
 */
@ConfigurationProperties("crystallize.limits")
public record ResourceLimits(@DefaultValue("1000000") long maxValuesPerUnit,
                             @DefaultValue("10000") int maxMetricValuesPerUnit,
                             @DefaultValue("10m") Duration unitTimeout,
                             @DefaultValue("6h") Duration runTimeout,
                             DataSize nodeUnitMemory,
                             @DefaultValue("64MB") DataSize maxArtifactJsonSize) {

    public static final String NODE_UNIT_MEMORY = "crystallize.limits.node-unit-memory";

    /** The node's budget in bytes. */
    public long nodeUnitMemoryBytes() {
        return nodeUnitMemory != null ? nodeUnitMemory.toBytes() : Runtime.getRuntime().maxMemory() / 4;
    }

    /** The engine's view of these limits, sharing one node-wide memory budget. */
    public UnitLimits unitLimits(MemoryBudget budget) {
        return new UnitLimits(maxMetricValuesPerUnit, unitTimeout, budget);
    }
}
