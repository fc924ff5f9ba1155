package io.crystallize.server.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one order of a run's units: replicate, then the run's condition order, unlisted conditions last by name. */
class UnitOrderTest {

    private static final List<String> CONDITIONS = List.of("baseline", "zeta", "alpha");

    private static UnitOutcome unit(int replicate, String condition) {
        return new UnitOutcome(replicate, condition, UnitStatus.COMPLETED, null, Map.of(), null);
    }

    @Test
    void byReplicateThenConditionInRunOrderNotByName() {
        List<UnitOutcome> units = new ArrayList<>(List.of(unit(1, "alpha"), unit(0, "alpha"), unit(1, "baseline"),
                unit(0, "zeta"), unit(0, "baseline"), unit(1, "zeta")));
        units.sort(UnitOrder.of(CONDITIONS));
        assertThat(units).extracting(UnitOutcome::key).containsExactly("baseline_rep_0", "zeta_rep_0", "alpha_rep_0",
                "baseline_rep_1", "zeta_rep_1", "alpha_rep_1");
    }

    @Test
    void conditionsTheRunDoesNotListComeLastByNameSoTheOrderIsTotal() {
        List<UnitOutcome> units = new ArrayList<>(List.of(unit(0, "omega"), unit(0, "beta"), unit(0, "alpha")));
        units.sort(UnitOrder.of(CONDITIONS));
        assertThat(units).extracting(UnitOutcome::condition).containsExactly("alpha", "beta", "omega");
        assertThat(UnitOrder.rank(CONDITIONS, "beta")).isEqualTo(3);
    }

    @Test
    void aRunResultKeepsItsUnitsInThatOrder() {
        RunResult result = new RunResult(CONDITIONS, List.of(unit(1, "baseline"), unit(0, "alpha"), unit(0, "zeta")),
                List.of());
        assertThat(result.units()).extracting(UnitOutcome::key).containsExactly("zeta_rep_0", "alpha_rep_0",
                "baseline_rep_1");
    }
}
