package io.crystallize.server.dashboard;

import io.crystallize.server.engine.HypothesisOutcome;
import io.crystallize.server.engine.VerifierOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the run page's hypotheses table: one treatment (and metric group, when a hypothesis has several)
 * of one hypothesis, with the numbers the verifier returned. Values stay as the API returned them; the page
 * formats them, and the forest plot draws {@code diff} with its interval.
 */
record HypothesisRow(String hypothesis, String treatment, Integer group, Object diff, Object ciLow, Object ciHigh,
                     Object effectSize, Object effectSizeKind, Object pValue, Object pAdjusted, Object significant,
                     Object significantAdjusted, List<?> flags, Object error, boolean best) {

    /** The rows of every hypothesis of a results document, in hypothesis then treatment order. */
    static List<HypothesisRow> of(List<HypothesisOutcome> hypotheses) {
        List<HypothesisRow> rows = new ArrayList<>();
        for (HypothesisOutcome h : hypotheses == null ? List.<HypothesisOutcome>of() : hypotheses) {
            String best = h.ranking() == null ? null : h.ranking().best();
            h.results().forEach((treatment, result) -> {
                boolean isBest = treatment.equals(best);
                for (int g = 0; g < result.groups().size(); g++) {
                    rows.add(row(h.name(), treatment, result.grouped() ? g : null, result.group(g), isBest));
                }
            });
        }
        return rows;
    }

    private static HypothesisRow row(String name, String treatment, Integer group, VerifierOutput v, boolean best) {
        return new HypothesisRow(name, treatment, group, v.get("diff"), v.get("ci_low"), v.get("ci_high"),
                v.get("effect_size"), v.get("effect_size_kind"), v.get("p_value"), v.get("p_adjusted"),
                v.get("significant"), v.get("significant_adjusted"),
                v.get("flags") instanceof List<?> flags ? flags : List.of(), v.get("error"), best);
    }
}
