package io.crystallize.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the run page's hypotheses table: one treatment (and metric group, when a hypothesis has several)
 * of one hypothesis, with the numbers the verifier returned. Values stay as the API returned them; the page
 * formats them, and the forest plot draws {@code diff} with its interval.
 */
record HypothesisRow(String hypothesis, String treatment, Integer group, Object diff, Object ciLow, Object ciHigh,
                     Object effectSize, Object effectSizeKind, Object pValue, Object pAdjusted, Object significant,
                     Object significantAdjusted, List<?> flags, Object error, boolean best) {

    /** The rows of every hypothesis of a results document, in hypothesis then treatment order. */
    static List<HypothesisRow> of(List<Map<String, Object>> hypotheses) {
        List<HypothesisRow> rows = new ArrayList<>();
        for (Map<String, Object> h : hypotheses == null ? List.<Map<String, Object>>of() : hypotheses) {
            String name = String.valueOf(h.get("name"));
            Object best = h.get("ranking") instanceof Map<?, ?> ranking ? ranking.get("best") : null;
            if (!(h.get("results") instanceof Map<?, ?> results)) {
                continue;
            }
            results.forEach((treatment, output) -> {
                boolean isBest = treatment.equals(best);
                if (output instanceof List<?> groups) {
                    for (int g = 0; g < groups.size(); g++) {
                        if (groups.get(g) instanceof Map<?, ?> values) {
                            rows.add(row(name, String.valueOf(treatment), g, values, isBest));
                        }
                    }
                } else if (output instanceof Map<?, ?> values) {
                    rows.add(row(name, String.valueOf(treatment), null, values, isBest));
                }
            });
        }
        return rows;
    }

    private static HypothesisRow row(String name, String treatment, Integer group, Map<?, ?> v, boolean best) {
        return new HypothesisRow(name, treatment, group, v.get("diff"), v.get("ci_low"), v.get("ci_high"),
                v.get("effect_size"), v.get("effect_size_kind"), v.get("p_value"), v.get("p_adjusted"),
                v.get("significant"), v.get("significant_adjusted"),
                v.get("flags") instanceof List<?> flags ? flags : List.of(), v.get("error"), best);
    }
}
