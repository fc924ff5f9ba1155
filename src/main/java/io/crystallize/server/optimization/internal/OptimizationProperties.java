package io.crystallize.server.optimization.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crystallize.optimization.*}: how many trials one optimization may plan, how many optimizations evaluate
 * trials at once on this node (more wait in a queue of {@code queueCapacity}), and the points per numeric key of
 * the grid sampler when the trial budget does not say more.
 */
@ConfigurationProperties("crystallize.optimization")
public record OptimizationProperties(@DefaultValue("1000") int maxTrials, @DefaultValue("2") int threads,
                                     @DefaultValue("100") int queueCapacity) {
}
