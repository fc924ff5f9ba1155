package io.crystallize.server.engine;

import io.crystallize.server.engine.Hypothesis.Ranker;
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

    @Test
    void ranksAscendingByPValueAndKeepsTreatmentOrderOnTies() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("c", Map.of("p_value", 0.5));
        results.put("a", Map.of("p_value", 0.01));
        results.put("b", Map.of("p_value", 0.5));
        results.put("d", Map.of("p_value", 0.01));
        results.put("e", Map.of("error", "n < 2"));

        Ranking ranking = HypothesisEvaluator.rank(hypothesis(Ranker.P_VALUE), results);

        assertThat(ranking.best()).isEqualTo("a");
        assertThat(ranking.ranked()).containsExactly(List.of("a", 0.01), List.of("d", 0.01), List.of("c", 0.5),
                List.of("b", 0.5));
    }

    @Test
    void aDescendingRankerPutsTheLargestFirst() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("small", Map.of("effect_size", 0.1));
        results.put("large", Map.of("effect_size", 2.0));
        Ranking ranking = HypothesisEvaluator.rank(hypothesis(new Ranker("effect_size", true)), results);
        assertThat(ranking.best()).isEqualTo("large");
    }

    @Test
    void noScoredTreatmentMeansNoBest() {
        Ranking ranking = HypothesisEvaluator.rank(hypothesis(Ranker.P_VALUE), Map.of("t", Map.of("error", "x")));
        assertThat(ranking.best()).isNull();
        assertThat(ranking.ranked()).isEmpty();
    }
}
