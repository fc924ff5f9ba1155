package io.crystallize.server.run.internal;

import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.HypothesisOutcome.Ranked;
import io.crystallize.server.engine.HypothesisOutcome.Ranking;
import io.crystallize.server.engine.TreatmentResult;
import io.crystallize.server.engine.VerifierOutput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored JSON of a verified hypothesis (run_hypothesis.result_json, copied into the results document): the
 * typed outcome writes the text the untyped maps used to, and rows stored by them read back as they are.
 */
class HypothesisJsonTest {

    private final JsonMapper json = JsonMapper.builder().addModule(HypothesisJson.module()).build();
    private final JsonMapper plain = JsonMapper.builder().build();

    /** A row as the maps wrote it: verifier keys in the verifier's order, nulls kept, the ranking as pairs. */
    private static final String STORED = "{\"name\":\"boost_raises_mean\",\"results\":{\"boost\":{\"p_value\":1.2E-30,"
            + "\"statistic\":80.1,\"significant\":true,\"alpha\":0.05,\"ci_low\":null,\"n_baseline\":12,"
            + "\"flags\":[\"LOW_N\"],\"correction\":\"none\",\"p_adjusted\":1.2E-30,\"significant_adjusted\":true},"
            + "\"flat\":{\"error\":\"n < 2\"}},\"ranking\":{\"best\":\"boost\",\"ranked\":[[\"boost\",1.2E-30]]},"
            + "\"error\":null}";

    @Test
    void aRowStoredByTheMapsReadsBackTypedAndWritesTheSameText() {
        HypothesisOutcome h = json.readValue(STORED, HypothesisOutcome.class);

        assertThat(h.results()).containsOnlyKeys("boost", "flat");
        VerifierOutput boost = h.results().get("boost").group(0);
        assertThat(boost.pValue()).isEqualTo(1.2e-30);
        assertThat(boost.significantAdjusted()).isTrue();
        assertThat(boost.has("ci_low")).isTrue();
        assertThat(h.results().get("flat").group(0).error()).isEqualTo("n < 2");
        assertThat(h.ranking().ranked()).containsExactly(new Ranked("boost", 1.2e-30));
        assertThat(json.writeValueAsString(h)).isEqualTo(STORED);
    }

    @Test
    void theTypedOutcomeWritesWhatTheMapsWrote() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("p_value", 0.03);
        first.put("statistic", -2.5);
        first.put("significant", true);
        first.put("ci_high", null);
        first.put("n_pairs", 12);
        Map<String, Object> second = VerifierOutput.error("Required metric 'b' missing from pipeline output.").values();
        HypothesisOutcome typed = new HypothesisOutcome("h",
                Map.of("t", TreatmentResult.grouped(List.of(new VerifierOutput(first), new VerifierOutput(second)))),
                new Ranking("t", List.of(new Ranked("t", 0.03))), "ranker failed: x");

        // What the record of maps (results: treatment -> object or list of objects; ranked: [name, score]) wrote.
        Map<String, Object> untyped = new LinkedHashMap<>();
        untyped.put("name", "h");
        untyped.put("results", Map.of("t", List.of(first, second)));
        Map<String, Object> ranking = new LinkedHashMap<>();
        ranking.put("best", "t");
        ranking.put("ranked", List.of(Arrays.asList("t", 0.03)));
        untyped.put("ranking", ranking);
        untyped.put("error", "ranker failed: x");

        String written = json.writeValueAsString(typed);
        assertThat(written).isEqualTo(plain.writeValueAsString(untyped));
        assertThat(json.readValue(written, HypothesisOutcome.class)).isEqualTo(typed);
    }

    @Test
    void aRankedEntryThatIsNoPairIsRefused() {
        String bad = STORED.replace("[[\"boost\",1.2E-30]]", "[[\"boost\"]]");
        assertThatThrownBy(() -> json.readValue(bad, HypothesisOutcome.class)).isInstanceOf(DatabindException.class)
                .hasMessageContaining("[treatment, score]");
    }
}
