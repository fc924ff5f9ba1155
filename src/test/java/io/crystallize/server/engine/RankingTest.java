package io.crystallize.server.engine;

import io.crystallize.server.engine.Hypothesis.Ranker;
import io.crystallize.server.engine.HypothesisOutcome.Ranked;
import io.crystallize.server.engine.HypothesisOutcome.Ranking;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static Hypothesis hypothesis(Ranker ranker) {
        return new Hypothesis("h", null, Params.of(Map.of()), List.of(List.of("m")), false, ranker, null);
    }

    private static TreatmentResult output(String key, double value) {
        return TreatmentResult.single(new VerifierOutput(Map.of(key, value)));
    }

    @Test
    void ranksAscendingByPValueAndKeepsTreatmentOrderOnTies() {
        Map<String, TreatmentResult> results = new LinkedHashMap<>();
        results.put("c", output("p_value", 0.5));
        results.put("a", output("p_value", 0.01));
        results.put("b", output("p_value", 0.5));
        results.put("d", output("p_value", 0.01));
        results.put("e", TreatmentResult.single(VerifierOutput.error("n < 2")));

        Ranking ranking = HypothesisEvaluator.rank(hypothesis(Ranker.P_VALUE), results);

        assertThat(ranking.best()).isEqualTo("a");
        assertThat(ranking.ranked()).containsExactly(new Ranked("a", 0.01), new Ranked("d", 0.01),
                new Ranked("c", 0.5), new Ranked("b", 0.5));
    }

    @Test
    void aDescendingRankerPutsTheLargestFirst() {
        Map<String, TreatmentResult> results = new LinkedHashMap<>();
        results.put("small", output("effect_size", 0.1));
        results.put("large", output("effect_size", 2.0));
        Ranking ranking = HypothesisEvaluator.rank(hypothesis(new Ranker("effect_size", true)), results);
        assertThat(ranking.best()).isEqualTo("large");
    }

    @Test
    void noScoredTreatmentMeansNoBest() {
        Ranking ranking = HypothesisEvaluator.rank(hypothesis(Ranker.P_VALUE), 
                Map.of("t", TreatmentResult.single(VerifierOutput.error("x"))));
        assertThat(ranking.best()).isNull();
        assertThat(ranking.ranked()).isEmpty();
    }

    @Test
    void severalGroupsAreScoredByTheirLeastFavourableGroupAndAnUnscoredGroupLeavesTheTreatmentOut() {
        Map<String, TreatmentResult> results = new LinkedHashMap<>();
        results.put("t", TreatmentResult.grouped(List.of(new VerifierOutput(Map.of("p_value", 0.01)),
                new VerifierOutput(Map.of("p_value", 0.2)))));
        results.put("u", TreatmentResult.grouped(List.of(new VerifierOutput(Map.of("p_value", 0.1)),
                VerifierOutput.error("x"))));
        Ranking ranking = HypothesisEvaluator.rank(hypothesis(Ranker.P_VALUE), results);
        assertThat(ranking.ranked()).containsExactly(new Ranked("t", 0.2));
    }
}
