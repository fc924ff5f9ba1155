package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.crystallize.server.analysis.Data.arm;
import static io.crystallize.server.analysis.Data.defaults;
import static io.crystallize.server.analysis.IntegrityFlags.HIGH_FAILURE_RATE;
import static io.crystallize.server.analysis.IntegrityFlags.LOW_N;
import static io.crystallize.server.analysis.IntegrityFlags.UNEQUAL_COMPLETION;
import static io.crystallize.server.analysis.IntegrityFlags.ZERO_VARIANCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The integrity flags come from the samples and from how the arms' units ended. */
class IntegrityFlagsTest {

    private static final double[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] ELEVEN = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private static Object flags(double[] baseline, double[] treatment, VerificationContext ctx) {
        Verifier v = new WelchTTestVerifier();
        return v.verify(arm(baseline), arm(treatment), defaults(v), ctx).get("flags");
    }

    @Test
    void cleanDataHasNoFlags() {
        assertThat(flags(TEN, ELEVEN, Data.context(11))).asList().isEmpty();
    }

    @Test
    void fewerThanTenValuesInAnArmIsLowN() {
        assertThat(flags(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, ELEVEN, Data.context(11))).asList()
                .containsExactly(LOW_N);
    }

    @Test
    void armsThatCompletedDifferentNumbersOfUnitsAreFlagged() {
        VerificationContext ctx = Data.context(new ArmStats("baseline", 11, 11, 0, 0), new ArmStats("t", 11, 10, 1, 0));

        assertThat(flags(TEN, ELEVEN, ctx)).asList().containsExactly(UNEQUAL_COMPLETION);
    }

    @Test
    void moreThanTenPercentFailedUnitsInEitherArmIsAHighFailureRate() {
        // 2 of 20 is exactly 10%: not flagged; 3 of 20 is.
        VerificationContext tenPercent = Data.context(new ArmStats("baseline", 20, 18, 2, 0),
                new ArmStats("t", 20, 18, 0, 2));
        VerificationContext fifteenPercent = Data.context(new ArmStats("baseline", 20, 18, 2, 0),
                new ArmStats("t", 20, 17, 3, 0));

        assertThat(flags(TEN, ELEVEN, tenPercent)).asList().isEmpty();
        assertThat(flags(TEN, ELEVEN, fifteenPercent)).asList().containsExactly(UNEQUAL_COMPLETION, HIGH_FAILURE_RATE);
    }

    @Test
    void aConstantArmIsZeroVarianceAndFlagsAccumulate() {
        double[] constant = new double[12];
        VerificationContext ctx = Data.context(new ArmStats("baseline", 12, 12, 0, 0), new ArmStats("t", 12, 5, 7, 0));

        Map<String, Object> out = new WelchTTestVerifier().verify(arm(constant), arm(1, 2, 3, 4, 5),
                defaults(new WelchTTestVerifier()), ctx);

        assertThat(out.get("flags")).asList()
                .containsExactly(LOW_N, UNEQUAL_COMPLETION, HIGH_FAILURE_RATE, ZERO_VARIANCE);
        assertThat(out).doesNotContainKey("error"); // flags warn; they never stop the test
    }

    @Test
    void aMissingContextOnlyLosesTheUnitBasedFlags() {
        assertThat(flags(new double[] {1, 1}, ELEVEN, null)).asList().containsExactly(LOW_N, ZERO_VARIANCE);
    }
}
