package io.crystallize.server.run;

import io.crystallize.server.engine.UnitStatus;

import java.time.Instant;

/** One unit of a run: how it ended, its seed, and which node executed it. */
public record UnitView(int replicate, String condition, UnitStatus status, Long seed, String node, Instant finishedAt) {
}
