package io.crystallize.server.engine.spi;

/**
 * What a verifier may know beyond the samples: the run's base seed (to seed resampling reproducibly),
 * the hypothesis and treatment names, and how the units of both arms ended.
 */
public record VerificationContext(long baseSeed, String hypothesis, String treatment,
                                  ArmStats baseline, ArmStats treatmentArm) {
}
