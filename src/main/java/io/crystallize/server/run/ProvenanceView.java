package io.crystallize.server.run;

import io.crystallize.server.engine.StepRecord;
import io.crystallize.server.engine.UnitStatus;

import java.util.List;

/**
 * {@code GET /api/runs/{id}/provenance}: per unit, its steps with the context keys each read and wrote, the
 * metrics it recorded and whether the step cache served it (SPEC §7). Units in replicate, then condition order.
 */
public record ProvenanceView(int replicate, String condition, UnitStatus status, int cacheHits, List<StepRecord> steps) {
}
