package io.crystallize.server.experiment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on a definition ({@code crystallize.limits.*}), so one request cannot ask the service for
 * unbounded work.
 */
@ConfigurationProperties("crystallize.limits")
public record ExperimentLimits(@DefaultValue("100000") int maxReplicates, @DefaultValue("100") int maxSteps,
                               @DefaultValue("100") int maxTreatments, @DefaultValue("50") int maxHypotheses,
                               @DefaultValue("20") int maxPlugins) {
}
