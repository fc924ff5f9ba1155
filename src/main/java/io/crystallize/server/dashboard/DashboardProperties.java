package io.crystallize.server.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of what one dashboard page carries, so a run of 100,000 replicates renders like one of ten.
 *
 * @param maxPointsPerCondition values of one metric and condition drawn as points (the box uses all values)
 * @param logTailLines          last lines of the run's log shown on its page
 * @param maxArtifacts          artifact links listed on a run's page (the API lists all)
 * @param pageSize              experiments or runs per list page
 */
@ConfigurationProperties("crystallize.dashboard")
record DashboardProperties(@DefaultValue("500") int maxPointsPerCondition, @DefaultValue("200") int logTailLines,
                           @DefaultValue("200") int maxArtifacts, @DefaultValue("25") int pageSize) {
}
