package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's binary value gives back every field of every unit, in the order stored. */
class UnitBatchTest {

    static final Instant T = Instant.parse("2026-12-02T20:15:30.123456Z");

    @Test
    void everyFieldComesBackAsStoredWithNullsAndRepeatedStrings() {
        String trace = "java.lang.IllegalStateException: boom\n" + "\tat x.y(Z.java:1)\n".repeat(5_000);
        List<UnitBatch.Unit> units = List.of(
                new UnitBatch.Unit(0, "baseline", UnitStatus.COMPLETED, 42L, "{\"mean\":[{\"value\":0.5}]}", null, null,
                        null, "1@node-a", T, 0, "[{\"step\":\"math.add\"}]"),
                new UnitBatch.Unit(0, "t ünïcødé ✓", UnitStatus.FAILED, Long.MIN_VALUE, "{}", "ValueError", "bad input",
                        trace, "1@node-a", T.plusNanos(1_000), 3, "[{\"step\":\"math.add\"}]"),
                new UnitBatch.Unit(1, "baseline", UnitStatus.SKIPPED, null, "{}", null, null, null, null,
                        Instant.parse("1969-12-31T23:59:59.999999Z"), 0, null),
                new UnitBatch.Unit(70_000, "t ünïcødé ✓", UnitStatus.FAILED, -1L, "", "ValueError", null, null,
                        "2@node-b", T, Integer.MAX_VALUE, ""));

        List<UnitBatch.Unit> back = new ArrayList<>();
        UnitBatch.decode(UnitBatch.encode(units), true, back::add);

        assertThat(back).containsExactlyElementsOf(units);
    }

    @Test
    void keysOnlySkipTheMetricsAndErrorsButKeepKeyStatusSeedNodeAndTime() {
        List<UnitBatch.Unit> units = List.of(
                new UnitBatch.Unit(5, "baseline", UnitStatus.COMPLETED, 7L, "{\"m\":[]}", null, null, null, "n", T, 1, null),
                new UnitBatch.Unit(5, "t", UnitStatus.FAILED, 8L, "{}", "E", "m", "trace", "n", T, 0, null));

        assertThat(UnitBatch.keys(UnitBatch.encode(units))).extracting(UnitBatch.Unit::replicate,
                UnitBatch.Unit::condition, UnitBatch.Unit::status, UnitBatch.Unit::seed, UnitBatch.Unit::node,
                UnitBatch.Unit::finishedAt, UnitBatch.Unit::metricsJson, UnitBatch.Unit::errorMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "baseline", UnitStatus.COMPLETED, 7L, "n", T, null, null),
                        org.assertj.core.groups.Tuple.tuple(5, "t", UnitStatus.FAILED, 8L, "n", T, null, null));
    }

    @Test
    void countsAndReplicateRangeOfABatch() {
        List<UnitBatch.Unit> units = List.of(
                new UnitBatch.Unit(9, "b", UnitStatus.COMPLETED, 1L, "{}", null, null, null, "n", T, 0, null),
                new UnitBatch.Unit(3, "b", UnitStatus.FAILED, 1L, "{}", "E", "m", null, "n", T, 0, null),
                new UnitBatch.Unit(4, "t", UnitStatus.SKIPPED, null, "{}", null, null, null, "n", T, 0, null));

        assertThat(UnitBatch.Counts.of(units)).isEqualTo(new UnitBatch.Counts(3, 1, 1, 1, 2, 3, 9));
    }
}
