package io.crystallize.server.engine;

import io.crystallize.server.engine.HypothesisOutcome.Ranked;
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
            Map<String, TreatmentResult> results = new LinkedHashMap<>();
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
                if (!results.isEmpty() && results.values().stream().noneMatch(r -> r.has(h.ranker().key()))) {
                    outcomes.add(new HypothesisOutcome(h.name(), results, Ranking.NONE,
                            "ranker key '" + h.ranker().key() + "' is in no output of verifier '" + h.verifier().type() + "'"));
                    continue;
                }
                outcomes.add(new HypothesisOutcome(h.name(), results, rank(h, results), null));
            } catch (RuntimeException e) {
                outcomes.add(new HypothesisOutcome(h.name(), results, Ranking.NONE, "ranker failed: " + e.getMessage()));
            }
        }
        return outcomes;
    }

    private static TreatmentResult verify(Hypothesis h, Map<String, List<Observation>> baseline,
                                          Map<String, List<Observation>> treatment, VerificationContext ctx) {
        List<VerifierOutput> perGroup = new ArrayList<>();
        for (List<String> group : h.groups()) {
            perGroup.add(verifyGroup(h, group, baseline, treatment, ctx));
        }
        return h.grouped() ? TreatmentResult.grouped(perGroup) : TreatmentResult.single(perGroup.get(0));
    }

    private static VerifierOutput verifyGroup(Hypothesis h, List<String> group, Map<String, List<Observation>> baseline,
                                              Map<String, List<Observation>> treatment, VerificationContext ctx) {
        try {
            Map<String, List<Observation>> b = new LinkedHashMap<>();
            Map<String, List<Observation>> t = new LinkedHashMap<>();
            for (String metric : group) {
                if (!baseline.containsKey(metric) || !treatment.containsKey(metric)) {
                    return VerifierOutput.error("Required metric '" + metric + "' missing from pipeline output.");
                }
                b.put(metric, baseline.get(metric));
                t.put(metric, treatment.get(metric));
            }
            return new VerifierOutput(h.verifier().verify(b, t, h.verifierParams(), ctx));
        } catch (RuntimeException e) {
            return VerifierOutput.error(h.verifier().type() + " failed: " + e.getMessage());
        }
    }

    /** Adds {@code correction}, {@code p_adjusted} and {@code significant_adjusted}, group by group. */
    private void adjust(Hypothesis h, Map<String, TreatmentResult> results) {
        String method = h.correctionFor(results.size());
        int groups = h.grouped() ? h.groups().size() : 1;
        for (int g = 0; g < groups; g++) {
            int group = g;
            List<Double> raw = results.values().stream().map(r -> r.group(group).pValue()).toList();
            List<Double> adjusted = correction.adjust(raw, method);
            int i = 0;
            for (Map.Entry<String, TreatmentResult> e : results.entrySet()) {
                TreatmentResult r = e.getValue();
                e.setValue(r.withGroup(group, r.group(group).corrected(method, adjusted.get(i++))));
            }
        }
    }

    static Ranking rank(Hypothesis h, Map<String, TreatmentResult> results) {
        List<Ranked> ranked = new ArrayList<>();
        results.forEach((treatment, result) -> {
            Double score = h.ranker().score(result);
            if (score != null && !score.isNaN()) {
                ranked.add(new Ranked(treatment, score));
            }
        });
        Comparator<Ranked> byScore = Comparator.comparingDouble(Ranked::score);
        ranked.sort(h.ranker().descending() ? byScore.reversed() : byScore); // List.sort is stable
        return new Ranking(ranked.isEmpty() ? null : ranked.get(0).treatment(), ranked);
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
