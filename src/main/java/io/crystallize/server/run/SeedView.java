package io.crystallize.server.run;

/** The seed one unit used. */
public record SeedView(int replicate, String condition, long seed) {
}
