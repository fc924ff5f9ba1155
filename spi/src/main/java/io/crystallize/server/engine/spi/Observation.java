package io.crystallize.server.engine.spi;

/** One metric value of one unit, with the replicate it came from (so paired tests can pair by replicate). */
public record Observation(int replicate, double value) {
}
