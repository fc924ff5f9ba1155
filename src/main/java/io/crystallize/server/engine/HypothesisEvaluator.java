package io.crystallize.server.engine;

import io.crystallize.server.engine.HypothesisOutcome.Ranking;
import io.crystallize.server.engine.spi.ArmStats;
import io.crystallize.server.engine.spi.Observation;
import io.crystallize.server.engine.spi.PValueCorrection;
import io.crystallize.server.engine.spi.VerificationContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies each hypothesis for each treatment with completed units, and ranks the treatments by score
 * (ties keep treatment order). A failure is recorded on the result it concerns, never thrown (SPEC §5).
 */
public final class HypothesisEvaluator {

    private final PValueCorrection correction;

    public HypothesisEvaluator(PValueCorrection correction) {
        this.correction = correction;
    }

    public List<HypothesisOutcome> evaluate(Experiment experiment, List<UnitOutcome> units) {
        List<HypothesisOutcome> outcomes = new ArrayList<>();
        // Only the metrics some hypothesis compares, each condition's read once for all hypotheses.
        java.util.Set<String> compared = new java.util.LinkedHashSet<>();
        experiment.hypotheses().forEach(h -> h.groups().forEach(compared::addAll));
        Map<String, Map<String, List<Observation>>> byCondition = new java.util.HashMap<>();
        java.util.function.Function<String, Map<String, List<Observation>>> observations =
                c -> byCondition.computeIfAbsent(c, k -> MetricAggregation.observations(k, units, compared));
        Map<String, List<Observation>> baseline = observations.apply(ContextKeys.BASELINE_CONDITION);
        ArmStats baselineArm = arm(ContextKeys.BASELINE_CONDITION, experiment.replicates(), units);
        for (Hypothesis h : experiment.hypotheses()) {
            Map<String, Object> results = new LinkedHashMap<>();
            for (Treatment t : experiment.treatments()) {
                ArmStats arm = arm(t.name(), experiment.replicates(), units);
                if (arm.completedUnits() == 0) {
                    continue;
                }
                Map<String, List<Observation>> treatment = observations.apply(t.name());
                VerificationContext ctx = new VerificationContext(
                        experiment.baseSeed() == null ? 0L : experiment.baseSeed(), h.name(), t.name(), baselineArm, arm);
                results.put(t.name(), verify(h, baseline, treatment, ctx));
            }
            try {
                adjust(h, results);
                if (!results.isEmpty() && results.values().stream().noneMatch(o -> hasKey(o, h.ranker().key()))) {
                    outcomes.add(new HypothesisOutcome(h.name(), results, new Ranking(null, List.of()),
                            "ranker key '" + h.ranker().key() + "' is in no output of verifier '" + h.verifier().type() + "'"));
                    continue;
                }
                outcomes.add(new HypothesisOutcome(h.name(), results, rank(h, results), null));
            } catch (RuntimeException e) {
                outcomes.add(new HypothesisOutcome(h.name(), results, new Ranking(null, List.of()),
                        "ranker failed: " + e.getMessage()));
            }
        }
        return outcomes;
    }

    private static Object verify(Hypothesis h, Map<String, List<Observation>> baseline,
                                 Map<String, List<Observation>> treatment, VerificationContext ctx) {
        List<Object> perGroup = new ArrayList<>();
        for (List<String> group : h.groups()) {
            perGroup.add(verifyGroup(h, group, baseline, treatment, ctx));
        }
        return h.grouped() ? perGroup : perGroup.get(0);
    }

    private static Map<String, Object> verifyGroup(Hypothesis h, List<String> group, Map<String, List<Observation>> baseline,
                                                   Map<String, List<Observation>> treatment, VerificationContext ctx) {
        try {
            Map<String, List<Observation>> b = new LinkedHashMap<>();
            Map<String, List<Observation>> t = new LinkedHashMap<>();
            for (String metric : group) {
                if (!baseline.containsKey(metric) || !treatment.containsKey(metric)) {
                    return Map.of("error", "Required metric '" + metric + "' missing from pipeline output.");
                }
                b.put(metric, baseline.get(metric));
                t.put(metric, treatment.get(metric));
            }
            return h.verifier().verify(b, t, h.verifierParams(), ctx);
        } catch (RuntimeException e) {
            return Map.of("error", h.verifier().type() + " failed: " + e.getMessage());
        }
    }

    /** Adds {@code p_adjusted}, {@code significant_adjusted} and {@code correction}, group by group. */
    @SuppressWarnings("unchecked")
    private void adjust(Hypothesis h, Map<String, Object> results) {
        String method = h.correctionFor(results.size());
        for (int g = 0; g < h.groups().size(); g++) {
            List<Map<String, Object>> outputs = new ArrayList<>();
            for (Map.Entry<String, Object> e : results.entrySet()) {
                Object out = e.getValue();
                if (h.grouped()) {
                    List<Object> list = new ArrayList<>((List<Object>) out);
                    list.set(g, new LinkedHashMap<>((Map<String, Object>) list.get(g)));
                    e.setValue(list);
                    outputs.add((Map<String, Object>) list.get(g));
                } else {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) out);
                    e.setValue(copy);
                    outputs.add(copy);
                }
            }
            List<Double> raw = outputs.stream().map(o -> o.get("p_value") instanceof Number n ? n.doubleValue() : null)
                    .toList();
            List<Double> adjusted = correction.adjust(raw, method);
            for (int i = 0; i < outputs.size(); i++) {
                Map<String, Object> o = outputs.get(i);
                Double p = adjusted.get(i);
                double alpha = o.get("alpha") instanceof Number a ? a.doubleValue() : 0.05;
                o.put("correction", method);
                o.put("p_adjusted", p);
                o.put("significant_adjusted", p != null && p < alpha);
            }
        }
    }

    private static boolean hasKey(Object output, String key) {
        if (output instanceof Map<?, ?> map) {
            return map.containsKey(key);
        }
        return output instanceof List<?> list && list.stream().anyMatch(o -> hasKey(o, key));
    }

    static Ranking rank(Hypothesis h, Map<String, Object> results) {
        List<List<Object>> ranked = new ArrayList<>();
        results.forEach((treatment, output) -> {
            Double score = h.ranker().score(output);
            if (score != null && !score.isNaN()) {
                ranked.add(List.of(treatment, score));
            }
        });
        Comparator<List<Object>> byScore = Comparator.comparingDouble(e -> (Double) e.get(1));
        ranked.sort(h.ranker().descending() ? byScore.reversed() : byScore); // List.sort is stable
        return new Ranking(ranked.isEmpty() ? null : (String) ranked.get(0).get(0), ranked);
    }

    static ArmStats arm(String condition, int replicates, List<UnitOutcome> units) {
        int completed = 0;
        int failed = 0;
        int skipped = 0;
        for (UnitOutcome u : units) {
            if (!u.condition().equals(condition)) {
                continue;
            }
            switch (u.status()) {
                case COMPLETED -> completed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new ArmStats(condition, replicates, completed, failed, skipped);
    }
}
