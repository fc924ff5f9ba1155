package io.crystallize.server.engine;

import io.crystallize.server.engine.Hypothesis.Ranker;
import io.crystallize.server.engine.spi.Observation;
import io.crystallize.server.engine.spi.VerificationContext;
import io.crystallize.server.engine.spi.Verifier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A ranker key that no output of a verifier without declared outputs has: an error on the hypothesis's result. */
class UnknownRankerKeyTest {

    /** Outputs only {@code score}; declares nothing, so the key cannot be checked at submission. */
    static final Verifier UNDECLARED = new Verifier() {
        @Override public String type() { return "undeclared"; }
        @Override public String description() { return "undeclared"; }
        @Override public List<ParamSpec> params() { return List.of(); }
        @Override
        public Map<String, Object> verify(Map<String, List<Observation>> baseline, Map<String, List<Observation>> treatment,
                                          Params params, VerificationContext context) {
            return Map.of("score", 1.0);
        }
    };

    private static RunResult run(String rankerKey) {
        Experiment experiment = TestComponents.experiment(TestComponents.recordDraw()).replicates(3)
                .treatments(List.of(new Treatment("t", Map.of("increment", 1.0))))
                .hypotheses(List.of(new Hypothesis("h", UNDECLARED, Params.of(Map.of()), List.of(List.of("value")),
                        false, new Ranker(rankerKey, false), null)))
                .plugins(List.of(new io.crystallize.server.engine.plugins.SeedPlugin(7L, true))).build();
        return new ExperimentEngine().run(experiment);
    }

    @Test
    void aKeyNoOutputHasIsAnErrorOnThatHypothesis() {
        HypothesisOutcome outcome = run("nonexistent").hypotheses().get(0);
        assertThat(outcome.error()).contains("nonexistent").contains("undeclared");
        assertThat(outcome.ranking().best()).isNull();
        assertThat(outcome.results()).containsKey("t");
    }

    @Test
    void aKeyTheOutputsHaveRanks() {
        HypothesisOutcome outcome = run("score").hypotheses().get(0);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.ranking().best()).isEqualTo("t");
    }
}
