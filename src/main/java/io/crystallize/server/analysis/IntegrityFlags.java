package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.VerificationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about the data behind a result that a p-value alone hides. They never stop a test; they
 * are listed in the result's {@code flags}, in this order.
 */
final class IntegrityFlags {

    /** Fewer than {@value #LOW_N_THRESHOLD} values in an arm. */
    static final String LOW_N = "LOW_N";
    /** The arms completed different numbers of units: failures may bias the comparison. */
    static final String UNEQUAL_COMPLETION = "UNEQUAL_COMPLETION";
    /** More than 10% of an arm's units failed. */
    static final String HIGH_FAILURE_RATE = "HIGH_FAILURE_RATE";
    /** An arm has at least two values, all equal. */
    static final String ZERO_VARIANCE = "ZERO_VARIANCE";

    static final int LOW_N_THRESHOLD = 10;
    static final double FAILURE_RATE_THRESHOLD = 0.10;

    private IntegrityFlags() {
    }

    static List<String> of(double[] baseline, double[] treatment, VerificationContext context) {
        List<String> flags = new ArrayList<>();
        if (baseline.length < LOW_N_THRESHOLD || treatment.length < LOW_N_THRESHOLD) {
            flags.add(LOW_N);
        }
        ArmStats b = context == null ? null : context.baseline();
        ArmStats t = context == null ? null : context.treatmentArm();
        if (b != null && t != null && b.completedUnits() != t.completedUnits()) {
            flags.add(UNEQUAL_COMPLETION);
        }
        if (highFailureRate(b) || highFailureRate(t)) {
            flags.add(HIGH_FAILURE_RATE);
        }
        if (Descriptives.zeroVariance(baseline) || Descriptives.zeroVariance(treatment)) {
            flags.add(ZERO_VARIANCE);
        }
        return flags;
    }

    private static boolean highFailureRate(ArmStats arm) {
        return arm != null && arm.totalUnits() > 0 && arm.failedUnits() > FAILURE_RATE_THRESHOLD * arm.totalUnits();
    }
}
