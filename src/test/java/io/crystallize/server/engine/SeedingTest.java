package io.crystallize.server.engine;

import io.crystallize.server.engine.plugins.SeedPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.crystallize.server.engine.TestComponents.experiment;
import static org.assertj.core.api.Assertions.assertThat;

class SeedingTest {

    private static List<Long> seeds(RunResult result, String condition) {
        return result.units().stream().filter(u -> u.condition().equals(condition)).map(UnitOutcome::seed).toList();
    }

    private static RunResult run(SeedPlugin seed, int replicates, List<Treatment> treatments) {
        return new ExperimentEngine().run(experiment(TestComponents.recordDraw()).replicates(replicates)
                .treatments(treatments).plugins(List.of(seed)).build());
    }

    @Test
    void unitSeedsFollowTheFormulaAndAreSharedByTheConditionsOfAReplicate() {
        RunResult result = run(new SeedPlugin(42L, true), 5,
                List.of(new Treatment("A", Map.of()), new Treatment("B", Map.of())));

        List<Long> expected = List.of(42L, 31379L, 62716L, 94053L, 125390L);
        assertThat(seeds(result, "baseline")).isEqualTo(expected);
        assertThat(seeds(result, "A")).isEqualTo(expected);
        assertThat(seeds(result, "B")).isEqualTo(expected);
        // Common random numbers: every condition of a replicate draws the same first number.
        Map<String, Map<String, List<Number>>> metrics = result.metrics();
        assertThat(metrics.get("A").get("draw")).isEqualTo(metrics.get("baseline").get("draw"));
        assertThat(metrics.get("B").get("draw")).isEqualTo(metrics.get("baseline").get("draw"));
        assertThat(metrics.get("baseline").get("draw")).doesNotHaveDuplicates();
    }

    @Test
    void seedsWrapAroundAtTwoToThe32() {
        RunResult result = run(new SeedPlugin(4294967295L, true), 3, List.of());
        assertThat(seeds(result, "baseline")).containsExactly(4294967295L, 31336L, 62673L);
    }

    @Test
    void withoutAutoSeedEveryReplicateUsesTheSeed() {
        RunResult result = run(new SeedPlugin(7L, false), 3, List.of());
        assertThat(seeds(result, "baseline")).containsExactly(7L, 7L, 7L);
    }

    @Test
    void withoutAnySeedOneIsDrawnForTheRun() {
        SeedPlugin seed = new SeedPlugin(null, true);
        Experiment exp = experiment(TestComponents.recordDraw()).plugins(List.of(seed)).build();
        RunResult result = new ExperimentEngine().run(exp);
        assertThat(seed.seed()).isBetween(0L, (1L << 32) - 1);
        assertThat(seeds(result, "baseline")).containsExactly(seed.seed());
    }

    @Test
    void aRecordedBaseSeedIsReusedSoARecoveredRunDrawsTheSame() {
        Experiment exp = experiment(TestComponents.recordDraw()).baseSeed(1234L)
                .plugins(List.of(new SeedPlugin(null, true))).build();
        assertThat(seeds(new ExperimentEngine().run(exp), "baseline")).containsExactly(1234L);
    }
}
