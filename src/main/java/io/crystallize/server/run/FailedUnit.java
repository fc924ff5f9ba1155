package io.crystallize.server.run;

/**
 * A failed unit of a run, for event streams: {@code row} is its storage sequence (the unit row id, increasing as
 * units are stored) and {@code position} its place among the run's stored units in that order (1 = stored first).
 */
public record FailedUnit(long row, long position, String key, String type, String message) {
}
