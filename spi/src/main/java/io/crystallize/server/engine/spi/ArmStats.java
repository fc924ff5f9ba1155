package io.crystallize.server.engine.spi;

/** How the units of one arm (condition) of a run ended: planned, completed, failed, skipped. */
public record ArmStats(String condition, int totalUnits, int completedUnits, int failedUnits, int skippedUnits) {
}
