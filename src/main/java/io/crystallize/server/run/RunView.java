package io.crystallize.server.run;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as {@code GET /api/runs/{id}} shows it (API.md), plus strategy, debug, node and failure cause, the ids of
 * the users who submitted and cancelled it, the steps its units took from the step cache ({@code cacheHits}) and
 * the upstream runs a {@code withUpstream} run started.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(UUID id, UUID experimentId, int version, RunStatus status, Long baseSeed, int replicates,
                      List<String> conditions, Progress progress, Instant createdAt, Instant startedAt,
                      Instant finishedAt, long errorCount, String strategy, boolean debug, boolean cancelRequested,
                      String node, String failure, UUID createdBy, UUID cancelledBy, Map<String, String> links,
                      long cacheHits, List<UUID> upstreamRuns) {

    /** Units that ended, by how they ended, against the run's total. */
    public record Progress(long completedUnits, long failedUnits, long skippedUnits, long totalUnits) {
    }

    public static Map<String, String> links(UUID id) {
        String base = "/api/runs/" + id;
        return Map.of("self", base, "results", base + "/results", "seeds", base + "/seeds",
                "artifacts", base + "/artifacts", "logs", base + "/logs", "units", base + "/units",
                "provenance", base + "/provenance");
    }
}
