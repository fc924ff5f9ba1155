package io.crystallize.server.dashboard;

import io.crystallize.server.artifact.ArtifactView;
import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the run page shows. {@code plots} is metric → condition → summary (sent to the browser as JSON);
 * {@code results} is null while the run has not finished.
 */
record RunPage(RunView run, String experimentName, ResultsView results, Map<String, Map<String, MetricSummary>> plots,
               List<HypothesisRow> hypotheses, List<String> logTail, long logLines, List<ArtifactView> artifacts,
               long artifactCount) {

    public boolean finished() {
        return results != null;
    }

    public String logText() {
        return String.join("\n", logTail);
    }

    /** Metric → condition → summary, conditions in run order, metrics in first-seen order. */
    static Map<String, Map<String, MetricSummary>> plots(RunView run, ResultsView results, int maxPoints) {
        Map<String, Map<String, MetricSummary>> plots = new LinkedHashMap<>();
        if (results == null || results.metrics() == null) {
            return plots;
        }
        for (String condition : run.conditions()) {
            Map<String, List<Number>> metrics = results.metrics().getOrDefault(condition, Map.of());
            metrics.forEach((metric, values) -> plots.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                    .put(condition, MetricSummary.of(values, maxPoints)));
        }
        return plots;
    }
}
