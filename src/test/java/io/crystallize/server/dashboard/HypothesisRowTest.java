package io.crystallize.server.dashboard;

import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.HypothesisOutcome.Ranked;
import io.crystallize.server.engine.HypothesisOutcome.Ranking;
import io.crystallize.server.engine.TreatmentResult;
import io.crystallize.server.engine.VerifierOutput;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The run page's hypotheses table from the typed results: a row per treatment, and per group when grouped. */
class HypothesisRowTest {

    @Test
    void aRowPerTreatmentAndGroupInOrderWithTheBestMarked() {
        Map<String, TreatmentResult> one = new LinkedHashMap<>();
        one.put("boost", TreatmentResult.single(new VerifierOutput(Map.of("p_value", 0.01, "diff", 2.0,
                "flags", List.of("LOW_N")))));
        one.put("none", TreatmentResult.single(VerifierOutput.error("n < 2")));
        HypothesisOutcome single = new HypothesisOutcome("h", one, new Ranking("boost", List.of(new Ranked("boost", 0.01))),
                null);
        HypothesisOutcome grouped = new HypothesisOutcome("g", Map.of("boost", TreatmentResult.grouped(List.of(
                new VerifierOutput(Map.of("p_value", 0.2)), new VerifierOutput(Map.of("p_value", 0.3))))),
                Ranking.NONE, null);

        List<HypothesisRow> rows = HypothesisRow.of(List.of(single, grouped));

        assertThat(rows).extracting(HypothesisRow::hypothesis, HypothesisRow::treatment, HypothesisRow::group,
                HypothesisRow::best).containsExactly(
                org.assertj.core.groups.Tuple.tuple("h", "boost", null, true),
                org.assertj.core.groups.Tuple.tuple("h", "none", null, false),
                org.assertj.core.groups.Tuple.tuple("g", "boost", 0, false),
                org.assertj.core.groups.Tuple.tuple("g", "boost", 1, false));
        assertThat(rows.get(0).pValue()).isEqualTo(0.01);
        assertThat(rows.get(0).flags()).isEqualTo(List.of("LOW_N"));
        assertThat(rows.get(1).error()).isEqualTo("n < 2");
        assertThat(rows.get(3).pValue()).isEqualTo(0.3);
    }
}
