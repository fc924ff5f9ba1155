package io.crystallize.server.catalog.internal;

import io.crystallize.server.catalog.ResourceLimits;
import io.crystallize.server.engine.MemoryBudget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's one {@link MemoryBudget}, shared by every unit that executes here. */
@Configuration(proxyBeanMethods = false)
class MemoryBudgetConfiguration {

    @Bean
    MemoryBudget unitMemoryBudget(ResourceLimits limits) {
        return new MemoryBudget(limits.nodeUnitMemoryBytes(), ResourceLimits.NODE_UNIT_MEMORY);
    }
}
