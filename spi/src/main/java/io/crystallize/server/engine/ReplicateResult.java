package io.crystallize.server.engine;

import java.util.List;

/** The unit outcomes of one replicate: the baseline first, then each treatment in order. */
public record ReplicateResult(int replicate, List<UnitOutcome> units) {
}
